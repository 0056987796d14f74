// A secret never appears in an error message. A URL's user information (`https://user:token@host`)
// is a credential; every message built from config or arguments passes through here before it is
// thrown (./issues formatIssues, ./stackConfig StackConfigError), so a refused URL is shown as
// `https://***@host/...`, never with its token.

const URL_USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'`<>]+@/gi;

/** `text` with the user information of every URL in it replaced by `***`. */
export function redactUrlCredentials(text: string): string {
    return text.replace(URL_USER_INFO, "$1***@");
}
