// The paths a container writes to: each becomes an emptyDir volume (the root filesystem is
// read-only), named after the path. The name is derived here, once, and so is the check that two
// paths never share a volume name and that none mounts over the root.
import { z } from "zod";
import { DNS_LABEL_MAX_LENGTH, isDnsLabel } from "@reference-platform/grammar";

/** The emptyDir volume backing a writable path: "/app/data" -> "writable-app-data". */
export const volumeName = (path: string) => `writable${path.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`.replace(/-$/, "");

function pathProblem(path: string): string | undefined {
    if (!path.startsWith("/")) return "must be an absolute path such as \"/tmp\"";
    if (/^\/+$/.test(path)) return "is the root directory: a volume there would hide the image's whole filesystem; list the directories the service writes to";
    if (path.split("/").some((segment) => segment === "." || segment === "..")) return "must not contain \".\" or \"..\" segments";
    const volume = volumeName(path);
    if (!isDnsLabel(volume)) return `gives the volume name "${volume}", which is longer than ${DNS_LABEL_MAX_LENGTH} characters; use a shorter path`;
    return undefined;
}

export const writablePathsSchema = z.array(z.string({ message: "must be a path" }), { message: "must be a list of absolute paths" })
    .superRefine((paths, ctx) => {
        const first = new Map<string, number>();
        paths.forEach((path, i) => {
            const problem = pathProblem(path);
            if (problem) {
                ctx.addIssue({ code: "custom", path: [i], message: problem });
                return;
            }
            const volume = volumeName(path);
            const earlier = first.get(volume);
            if (earlier === undefined) first.set(volume, i);
            else {
                ctx.addIssue({
                    code: "custom", path: [i],
                    message: `gives the same volume name "${volume}" as writablePaths[${earlier}] ${JSON.stringify(paths[earlier])}: ` +
                        "two mounts would share one volume; list each directory once",
                });
            }
        });
    });
