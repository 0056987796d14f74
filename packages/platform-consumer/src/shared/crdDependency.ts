import * as pulumi from "@pulumi/pulumi";

/** A custom resource's options: it waits for what installs its CRD, where the platform says what that is. */
export function afterCrd(opts: pulumi.CustomResourceOptions, crdDependency: pulumi.Resource | undefined): pulumi.CustomResourceOptions {
    return { ...opts, dependsOn: crdDependency ? [crdDependency] : [] };
}
