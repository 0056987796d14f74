// The cluster's half of the guardrails: a ValidatingAdmissionPolicy and its binding for each rule
// of the policy pack that can be judged on one object. The manifests are made by the pack's
// generator from the stack's own policy config (infra/admission.ts), so the API server evaluates
// the same CEL the pack does at preview, at the same level: what Argo CD, kubectl or an operator
// creates is held to the rules `pulumi up` is.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";

export interface AdmissionManifest {
    apiVersion: string;
    kind: string;
    metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
    spec: Record<string, unknown>;
}

export interface AdmissionPoliciesArgs {
    /** Each rule's ValidatingAdmissionPolicy and its binding. */
    rules: ReadonlyArray<{ policy: AdmissionManifest; binding: AdmissionManifest }>;
}

export class AdmissionPolicies extends pulumi.ComponentResource {
    /** The names of the policies deployed, one per rule. */
    public readonly policyNames: string[];

    constructor(name: string, args: AdmissionPoliciesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:admission:AdmissionPolicies", name, {}, opts);
        this.policyNames = [];
        for (const { policy, binding } of args.rules) {
            const created = new k8s.admissionregistration.v1.ValidatingAdmissionPolicy(policy.metadata.name, {
                metadata: policy.metadata, spec: policy.spec as unknown as k8s.types.input.admissionregistration.v1.ValidatingAdmissionPolicySpec,
            }, { parent: this });
            new k8s.admissionregistration.v1.ValidatingAdmissionPolicyBinding(binding.metadata.name, {
                metadata: binding.metadata, spec: binding.spec as unknown as k8s.types.input.admissionregistration.v1.ValidatingAdmissionPolicyBindingSpec,
            }, { parent: this, dependsOn: [created] });
            this.policyNames.push(policy.metadata.name);
        }
        this.registerOutputs({ policyNames: this.policyNames });
    }
}
