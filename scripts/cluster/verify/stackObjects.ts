// Every object a stack deploys, as `plan --render` sees it: the program's own objects (run under
// the SDK's mocks) and every chart's rendered children, with their real (unmasked) inputs.
import { chartCache } from "../../helm/chartCache";
import { renderCharts } from "../../helm/renderCharts";
import { kubernetesObjects, KubernetesObject } from "../../plan/objects";
import { runProgram } from "../../plan/program";

export async function stackObjects(stack: string, charts?: string): Promise<KubernetesObject[]> {
    const { result } = runProgram(stack);
    if (result.error !== undefined) throw new Error(`the ${stack} program failed under mocks: ${result.error}`);
    const rendering = await renderCharts(result.resources, chartCache(charts));
    const missing = rendering.charts.filter((c) => !c.rendered);
    if (missing.length > 0) {
        throw new Error(`charts not rendered: ${missing.map((c) => `${c.name} (${c.reason})`).join("; ")}`);
    }
    return kubernetesObjects([...result.resources, ...rendering.children]);
}
