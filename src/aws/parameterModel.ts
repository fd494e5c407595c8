/** One SSM parameter as GetParameters returns it; `selector` is the `:version` or `:label` it was asked with. */
export interface ParameterValue {
  /** The name as asked, selector included: what the answer is keyed by. */
  readonly asked: string;
  readonly name: string;
  readonly value: string;
  /** `aws:ec2:image` for a parameter that names an image; `text` otherwise. */
  readonly dataType: string;
  readonly version?: number;
  readonly lastModified?: string;
}

/** A GetParameters answer: the parameters found, and the names SSM reports as invalid (they do not exist). */
export interface ParameterAnswer {
  readonly found: readonly ParameterValue[];
  readonly invalid: readonly string[];
}
