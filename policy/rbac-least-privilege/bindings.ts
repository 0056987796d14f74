// What a RoleBinding or ClusterRoleBinding grants to whom.
import { RbacProblem } from "./rules";

const BROAD_SUBJECTS = new Set(["system:authenticated", "system:unauthenticated", "system:anonymous", "system:serviceaccounts", "system:masters"]);
const ADMIN_ROLES = new Set(["admin", "edit"]);

export const BINDING_CONTROLS = ["broadSubject", "clusterAdmin", "adminRole"] as const;

const isBroad = (name: string): boolean => BROAD_SUBJECTS.has(name) || name.startsWith("system:serviceaccounts:");

export function bindingProblems(kind: string, namespace: string | undefined, props: Record<string, any>): RbacProblem[] {
    const problems: RbacProblem[] = [];
    const roleRef = props?.roleRef ?? {};
    const roleName = String(roleRef.name ?? "");
    const role = `${roleRef.kind ?? "role"} ${roleName}`;
    if (roleRef.kind === "ClusterRole" && roleName === "cluster-admin") {
        problems.push({ control: "clusterAdmin", message: "binds the cluster-admin ClusterRole, which grants everything" });
    } else if (roleRef.kind === "ClusterRole" && (ADMIN_ROLES.has(roleName) || roleName.startsWith("system:controller:"))) {
        const where = kind === "ClusterRoleBinding" ? "at cluster scope" : namespace === "kube-system" ? "in kube-system" : undefined;
        if (where) problems.push({ control: "adminRole", message: `binds the ${roleName} ClusterRole ${where}` });
    }
    for (const subject of Array.isArray(props?.subjects) ? props.subjects : []) {
        const name = String(subject?.name ?? "");
        if (isBroad(name)) problems.push({ control: "broadSubject", message: `binds ${role} to ${subject.kind ?? "subject"} ${name}, which everyone in it receives` });
    }
    return problems;
}
