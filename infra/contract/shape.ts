// The contract's shape as JSON Schema: what test/contract/shapes/v<N>.json records per version.
import * as path from "path";
import { z } from "zod";
import { contractSchema } from "./schema";

export const SHAPES_DIR = path.resolve(__dirname, "../../test/contract/shapes");

export function contractShape(): object {
    return z.toJSONSchema(contractSchema);
}

export function shapeFile(version: number): string {
    return path.join(SHAPES_DIR, `v${version}.json`);
}
