// SEC001: no container sets a credential as a literal environment variable. A value looks like one
// when its variable is named like a credential (…_PASSWORD, …_TOKEN, …_API_KEY, …) and holds at
// least 8 characters that are neither a file path nor a $(VAR) reference, or when the value itself
// has a credential's shape whatever the name: an AWS access key ID, a PEM private key, a GitHub,
// Slack, Stripe or Google API token, a JWT, a URL with a password. Every namespace: a literal is in
// plaintext wherever the object goes. The regular expressions are both RE2 (the API server) and
// JavaScript (the pack's evaluator) without change.
import { WORKLOAD_TARGETS } from "../../admission/podTemplate";
import { AdmissionRule, celString, tableMessageCel } from "../../admission/rule";
import { CONTAINER_VARIABLES, everyContainer, forContainers } from "../containers";
import { MESSAGES } from "../messages";

/** A variable name (upper-cased) that says it holds a credential. */
export const CREDENTIAL_NAME = "^(.*_)?(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|SECRET_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CLIENT_?SECRET|CREDENTIALS?)$";

/** Values that are credentials by their shape alone. */
export const CREDENTIAL_VALUES: readonly string[] = [
    "^AKIA[0-9A-Z]{16}$",
    "-----BEGIN [A-Z ]*PRIVATE KEY-----",
    "^gh[pousr]_[A-Za-z0-9]{36,}$",
    "^xox[abprs]-[A-Za-z0-9-]{10,}$",
    "^[sr]k_live_[A-Za-z0-9]{16,}$",
    "^AIza[0-9A-Za-z_-]{35}$",
    "^eyJ[A-Za-z0-9_-]{8,}[.]eyJ[A-Za-z0-9_-]{8,}[.][A-Za-z0-9_-]*$",
    "://[^/@:\\s]+:[^/@\\s]+@",
];

/** CEL: the EnvVar `e` is a literal that looks like a credential. */
export const LOOKS_LIKE_CREDENTIAL = "has(e.value) && (" +
    `(e.name.upperAscii().matches(${celString(CREDENTIAL_NAME)}) && e.value.size() >= 8 && !e.value.startsWith('/') && !e.value.contains('$(')) || ` +
    CREDENTIAL_VALUES.map((re) => `e.value.matches(${celString(re)})`).join(" || ") +
    ")";

const m = MESSAGES.CredentialLiteral;

export const credentialLiteral: AdmissionRule = {
    policy: "secret-hygiene",
    control: m.control,
    targets: WORKLOAD_TARGETS,
    cel: () => ({
        variables: [...CONTAINER_VARIABLES],
        expression: everyContainer(`!has(c.env) || c.env == null || c.env.all(e, !(${LOOKS_LIKE_CREDENTIAL}))`),
        // The variable names only, never a value.
        messageExpression: tableMessageCel(m.code, m.text, [
            `(${forContainers(`has(c.env) && c.env != null && c.env.exists(e, ${LOOKS_LIKE_CREDENTIAL})`,
                `c.env.filter(e, ${LOOKS_LIKE_CREDENTIAL}).map(e, c.name + '/' + e.name).join(', ')`)}).join(', ')`,
        ]),
    }),
};
