// Telling the SDK a policy does not apply to a resource, without the cost of a stack trace.
//
// `args.notApplicable` throws an Error the SDK catches to read its reason; nothing reads its
// stack. Most resources are not applicable to most resource policies, and capturing that stack
// was about a tenth of the pack's CPU above the protocol floor, so it is captured empty.
export function notApplicable(args: { notApplicable(reason?: string): never }, reason: string): never {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        return args.notApplicable(reason);
    } finally {
        Error.stackTraceLimit = limit;
    }
}
