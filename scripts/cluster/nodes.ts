// The fake nodes (kwok manages every Node: it marks them Ready, heartbeats them and runs their Pods
// through ready/complete/delete) and the volumes a PersistentVolumeClaim can bind to.
import { KubeClient, KubeObject } from "./kubeClient";
import { NODE_IP } from "./layout";
import { NodeShape } from "./nodeShapes";

export const STORAGE_CLASS = "standard";

/** The i-th node's InternalIP: NODE_IP, then the addresses after it. */
function nodeAddress(i: number): string {
    const octets = NODE_IP.split(".").map(Number);
    octets[3] += i;
    return octets.join(".");
}

export function nodeObjects(shape: NodeShape): KubeObject[] {
    return Array.from({ length: shape.count }, (_, i) => {
        const zone = shape.zones[i % shape.zones.length];
        const name = `node-${i + 1}`;
        const resources = { cpu: shape.cpu, memory: shape.memory, pods: String(shape.pods), "ephemeral-storage": "100Gi" };
        return {
            apiVersion: "v1", kind: "Node",
            metadata: {
                name,
                annotations: { "kwok.x-k8s.io/node": "fake", "node.alpha.kubernetes.io/ttl": "0" },
                labels: {
                    "kubernetes.io/hostname": name, "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
                    "node.kubernetes.io/instance-type": shape.instanceType,
                    "topology.kubernetes.io/zone": zone, "topology.kubernetes.io/region": "local",
                    type: "kwok",
                },
            },
            spec: {},
            status: {
                capacity: resources, allocatable: resources,
                addresses: [{ type: "InternalIP", address: nodeAddress(i) }, { type: "Hostname", address: name }],
            },
        };
    });
}

/**
 * Pre-provisioned volumes: the plain Kubernetes way to satisfy claims without a dynamic
 * provisioner. The default StorageClass binds at once (no node to wait for), and each volume is
 * large enough for any claim the platform makes.
 */
export function storageObjects(count: number, size = "200Gi"): KubeObject[] {
    const storageClass: KubeObject = {
        apiVersion: "storage.k8s.io/v1", kind: "StorageClass",
        metadata: { name: STORAGE_CLASS, annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
        provisioner: "kubernetes.io/no-provisioner", volumeBindingMode: "Immediate", reclaimPolicy: "Retain",
    };
    const volumes = Array.from({ length: count }, (_, i): KubeObject => ({
        apiVersion: "v1", kind: "PersistentVolume",
        metadata: { name: `local-volume-${i + 1}` },
        spec: {
            capacity: { storage: size }, accessModes: ["ReadWriteOnce"], persistentVolumeReclaimPolicy: "Retain",
            storageClassName: STORAGE_CLASS, hostPath: { path: `/var/local-volumes/${i + 1}`, type: "DirectoryOrCreate" },
        },
    }));
    return [storageClass, ...volumes];
}

/** Creates the nodes (status included: kwok then keeps it) and the storage. */
export async function provision(client: KubeClient, shape: NodeShape, volumes: number): Promise<void> {
    for (const obj of [...nodeObjects(shape), ...storageObjects(volumes)]) {
        const answer = await client.apply(obj, "local-cluster");
        if (answer.status >= 300) throw new Error(`${obj.kind} ${obj.metadata.name}: ${answer.status} ${answer.body?.message ?? ""}`);
        if (obj.kind === "Node") {
            const url = await client.path("v1", "Node", undefined, obj.metadata.name);
            await client.request("PATCH", `${url}/status?fieldManager=local-cluster&force=true`,
                { apiVersion: "v1", kind: "Node", metadata: { name: obj.metadata.name }, status: obj.status }, "application/apply-patch+yaml");
        }
    }
}
