// Input checks shared by every command's programmatic form and its wizard. Pure.

export const imageIdPattern = /^ami-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
export const regionPattern = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/** Undefined when valid, else the sentence to show (InputBox validation and thrown errors alike). */
export function checkImageId(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) {
    return 'An image id is required, e.g. ami-0abcdef1234567890.';
  }
  return imageIdPattern.test(value.trim()) ? undefined
    : `"${value}" is not an AMI id: expected "ami-" followed by 8 or 17 lowercase hex digits.`;
}

export function checkRegion(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) {
    return 'A region is required, e.g. us-east-1.';
  }
  return regionPattern.test(value.trim()) ? undefined : `"${value}" is not an AWS region name (e.g. us-east-1, eu-west-1).`;
}

/** Throws the check's message as an Error: how a programmatic call learns its input was bad. */
export function ensureValid<T>(value: T, check: (v: unknown) => string | undefined): T {
  const problem = check(value);
  if (problem) {
    throw new Error(problem);
  }
  return value;
}
