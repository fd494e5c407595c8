// PLACEHOLDER: the SDK side of an AMI action, replaced before this lands.
export {};
