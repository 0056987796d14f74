// Evaluates a pod at a level the way Pod Security Admission does: every control up to the level
// that exists in the chosen release, minus the baseline controls a restricted one replaces.
import { containersOf } from "../lib/containers";
import { PodTemplate } from "../lib/podTemplate";
import { Control, CONTROLS, Finding, PssLevel } from "./controls";

const activeCache = new Map<string, readonly Control[]>();

export function activeControls(level: PssLevel, minor: number): readonly Control[] {
    const key = `${level}@${minor}`;
    const cached = activeCache.get(key);
    if (cached) return cached;
    const candidates = CONTROLS.filter((c) => c.sinceMinor <= minor && (level === "restricted" || c.level === "baseline"));
    const replaced = new Set(candidates.flatMap((c) => c.overrides ?? []));
    const active = candidates.filter((c) => !replaced.has(c.id));
    activeCache.set(key, active);
    return active;
}

export interface ControlFinding extends Finding {
    control: Control;
}

export function evaluatePod(pod: PodTemplate, level: PssLevel, minor: number): ControlFinding[] {
    const view = { metadata: pod.metadata, spec: pod.spec, containers: containersOf(pod.spec) };
    return activeControls(level, minor).flatMap((control) => control.check(view, minor).map((f) => ({ ...f, control })));
}
