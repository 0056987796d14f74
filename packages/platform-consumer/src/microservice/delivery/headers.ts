// Request headers that pick a delivery track regardless of the weights: testers reach a canary
// or the idle colour of a blue-green service without moving any real traffic.

/** Sends a request to the canary track. */
export const CANARY_HEADER = { name: "x-canary", value: "always" } as const;
/** Sends a request to the blue-green colour that is not active (the preview). */
export const PREVIEW_HEADER = { name: "x-preview", value: "true" } as const;
