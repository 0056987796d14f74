// The contract's shape as JSON Schema. The package ships the shape of every released version in
// shapes/v<N>.json (recorded by the platform repository's `npm run contract:record`).
import * as path from "path";
import { z } from "zod";
import { contractSchema } from "./schema";

/** The folder of recorded shapes, inside this package (dist/contract -> shapes). */
export const SHAPES_DIR = path.resolve(__dirname, "../../shapes");

export function contractShape(): object {
    return z.toJSONSchema(contractSchema);
}

export function shapeFile(version: number): string {
    return path.join(SHAPES_DIR, `v${version}.json`);
}
