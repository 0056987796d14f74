import * as pulumi from "@pulumi/pulumi";

/** The metadata a service's objects share with its Deployment of a track: its name, namespace and labels. */
export interface TrackObjectMeta {
    name: string;
    namespace: pulumi.Input<string>;
    labels: Record<string, string>;
}
