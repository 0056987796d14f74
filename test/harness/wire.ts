// Wire values for tests: the mock runner's readers of the SDK's sentinels.
export { isResourceReference, isOutputValue, isSecretValue, isWrappedSecret, plaintextStrings, unknownValue, unwrapSecrets } from "../../scripts/mock-run/wire";
