// A Kubernetes label value: empty, or at most 63 letters, digits, '-', '_' and '.', starting and
// ending with a letter or digit.

export const LABEL_VALUE_MAX_LENGTH = 63;
export const LABEL_VALUE_RULE = "letters, digits, '-', '_' and '.', starting and ending with a letter or digit, at most 63 characters";

const LABEL_VALUE = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

export function isLabelValue(value: unknown): value is string {
    return typeof value === "string" && value.length <= LABEL_VALUE_MAX_LENGTH && LABEL_VALUE.test(value);
}
