// Service ports say their protocol through appProtocol or a name prefix (`http`, `http-web`,
// `grpc`, `tcp`, ...). Otherwise Istio falls back to protocol sniffing (IST0118). UDP ports and
// the well-known TCP ports (SMTP, DNS, MySQL, MongoDB) need no name. The control plane's own
// Services (label `istio`, or `release: istio`) are skipped, as upstream does.
import { Analyzer } from "../context";
import { MESSAGES } from "../messages";

const PROTOCOLS = ["tcp", "udp", "grpc", "grpc-web", "http", "http_proxy", "http2", "https", "tls", "mongo", "redis", "mysql"];
const WELL_KNOWN_TCP_PORTS = [25, 53, 3306, 27017];
const KUBERNETES_APP_PROTOCOLS = ["kubernetes.io/h2c", "kubernetes.io/ws", "kubernetes.io/wss"];

export function declaresProtocol(port: Record<string, any>): boolean {
    if (port.protocol === "UDP") return true;
    const name: string = typeof port.appProtocol === "string" ? port.appProtocol : String(port.name ?? "");
    if (KUBERNETES_APP_PROTOCOLS.includes(name)) return true;
    if (name.toLowerCase().startsWith("grpc-web")) return true;
    const prefix = name.split("-")[0].toLowerCase();
    return PROTOCOLS.includes(prefix) || WELL_KNOWN_TCP_PORTS.includes(Number(port.port));
}

export const servicePortNames: Analyzer = (ctx) => {
    for (const service of ctx.index.ofKind("Service")) {
        const labels = service.resource.props.metadata?.labels ?? {};
        if ("istio" in labels || labels.release === "istio") continue;
        for (const port of service.resource.props.spec?.ports ?? []) {
            if (declaresProtocol(port ?? {})) continue;
            ctx.report(MESSAGES.PortNameIsNotUnderNamingConvention, service,
                `port ${port?.port} named "${port?.name ?? ""}" (targetPort ${port?.targetPort ?? port?.port}) declares no protocol: ` +
                `name it <protocol>[-suffix] (http, grpc, tcp, ...) or set appProtocol`);
        }
    }
};
