// Whether the object's namespace is in the mesh, as istiod's injector decides it from the
// namespace: `istio-injection: enabled`, or a revision label `istio.io/rev` (the platform's way).
import { namespaceLabelIs, NAMESPACE_LABELS } from "./namespace";

export const MESH_NAMESPACE_VARIABLES = [
    NAMESPACE_LABELS,
    {
        name: "inMesh",
        expression: `${namespaceLabelIs("istio-injection", "enabled")} || ` +
            "(\"istio.io/rev\" in variables.namespaceLabels && variables.namespaceLabels[\"istio.io/rev\"] != \"\")",
    },
] as const;
