// Records the contract's shape for the current CONTRACT_VERSION. Refuses to overwrite a recorded
// version: a released shape never changes; change the schema, bump the version, record anew.
import * as fs from "fs";
import { contractShape, shapeFile } from "../infra/contract/shape";
import { CONTRACT_VERSION } from "../infra/contract/schema";

const file = shapeFile(CONTRACT_VERSION);
if (fs.existsSync(file)) {
    console.error(`contract v${CONTRACT_VERSION} is already recorded in ${file}; ` +
        "bump CONTRACT_VERSION in infra/contract/schema.ts to record a changed shape");
    process.exit(1);
}
fs.writeFileSync(file, JSON.stringify(contractShape(), null, 2) + "\n");
console.log(`recorded contract v${CONTRACT_VERSION} in ${file}`);
