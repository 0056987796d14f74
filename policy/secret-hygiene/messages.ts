// The findings `secret-hygiene` reports, one table: a code per finding (SEC0xx, stable, for looking
// a finding up in policy/README.md), the control an exemption names, and the text. A %s is filled by
// the rule's CEL.
export interface SecretMessage {
    code: string;
    control: string;
    text: string;
}

const message = (code: string, control: string, text: string): SecretMessage => ({ code, control, text });

export const MESSAGES = {
    CredentialLiteral: message("SEC001", "credentialLiteral",
        "sets %s as literal values that look like credentials: a literal is stored in plaintext in the object, in etcd and in " +
        "Pulumi's state; read it from a Secret (the platform's store: a Microservice's `secrets`)"),
    UndeclaredSecretEnv: message("SEC002", "undeclaredSecretEnv",
        "reads Secret %s as environment variables without declaring it (pod template annotation %s): a variable is inherited by " +
        "every child process, shows in crash dumps and never rotates; mount the Secret as a file, or declare the need"),
} as const;

export type MessageName = keyof typeof MESSAGES;

export const CONTROLS: readonly string[] = Object.values(MESSAGES).map((m) => m.control);
