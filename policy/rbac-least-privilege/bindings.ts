// What is wrong with a RoleBinding or ClusterRoleBinding.

const FORBIDDEN_SUBJECTS = ["system:anonymous", "system:unauthenticated", "system:masters"];

export function bindingProblems(props: Record<string, any>): string[] {
    const problems: string[] = [];
    const roleRef = props?.roleRef ?? {};
    if (roleRef.kind === "ClusterRole" && roleRef.name === "cluster-admin") problems.push("binds the cluster-admin ClusterRole");
    for (const subject of props?.subjects ?? []) {
        if (FORBIDDEN_SUBJECTS.includes(subject?.name)) problems.push(`binds ${subject.kind ?? "subject"} ${subject.name}`);
    }
    return problems;
}
