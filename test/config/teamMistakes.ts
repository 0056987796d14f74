// Realistic mistakes of an application team, one per line, beside the platform's own bad-input
// table (badInputs.ts): in the example team program's stack config (`config`, keys of
// examples/team-service/Pulumi.<stack>.yaml without the "team-service:" namespace, `{ secret }` for
// a value set with --secret) or in the Microservice arguments it passes (`args`, a change to the
// services examples/team-service/services.ts returns). Each runs the example program under mocks,
// reading the platform stack `stack` (dev unless given) through a StackReference, and must stop
// before any object is registered with the line in `expect` (or run, for VALID).
// Add a case by adding a line.
import * as pulumi from "@pulumi/pulumi";
import type { ServiceSettings } from "@reference-platform/consumer";
import type { TeamServices } from "../../examples/team-service/services";
import type { StackOverrides } from "../harness";

export const VALID = "valid";
/** Names the case whose `args` the program under test applies (teamMistakeProgram.ts). */
export const TEAM_MISTAKE_ENV = "TEAM_MISTAKE";

export interface TeamMistake {
    title: string;
    stack?: "dev" | "staging" | "prod";
    /** The platform stack's own config, when the case needs a platform without an add-on. */
    platform?: StackOverrides;
    config?: StackOverrides;
    args?: (services: TeamServices, settings: ServiceSettings) => TeamServices;
    expect: RegExp | typeof VALID;
}

/** A value planted as a secret: no message may print it. */
export const PLANTED_SECRET = "planted-7c41e0b2-do-not-print";

/** The reports service with `change` applied to its arguments. */
const reports = (change: (args: TeamServices[string], settings: ServiceSettings) => Partial<TeamServices[string]>) =>
    (services: TeamServices, settings: ServiceSettings): TeamServices => ({ ...services, reports: { ...services.reports, ...change(services.reports, settings) } });
const set = (fields: Record<string, unknown>) => reports(() => fields as Partial<TeamServices[string]>);
/** A second service beside reports. */
const plus = (name: string, fields: Record<string, unknown>) =>
    (services: TeamServices): TeamServices => ({ ...services, [name]: { ...services.reports, ...fields } as TeamServices[string] });
const S = 'Microservice "reports" is invalid:';
const secret = (value: unknown) => ({ secret: typeof value === "string" ? value : JSON.stringify(value) });
const NEXT = "ghcr.io/stefanprodan/podinfo:6.9.3";
const SMALL = { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "100m", memory: "128Mi" } };

export const TEAM_MISTAKES: TeamMistake[] = [
    // the stack config: keys, types, the platform stack named
    { title: "platformStack without the organization", config: { platformStack: "platform/dev" }, expect: /team-service:platformStack: must be <organization>\/<project>\/<stack> \(got "platform\/dev"\); set it with `pulumi config set --path 'team-service:platformStack' <value>`/ },
    { title: "platformStack missing", config: { platformStack: null }, expect: /team-service:platformStack: required; must be <organization>\/<project>\/<stack>; set it with `pulumi config set --path 'team-service:platformStack' <value>`/ },
    { title: "platformStack misspelt", config: { platfromStack: "organization/platform/dev" }, expect: /team-service:platfromStack: unknown key; accepted: platformStack, allowOtherEnvironment, team, image, uses, replicas, resources, delivery, env, secretEnv/ },
    { title: "a dev stack reading the prod platform", config: { platformStack: "organization/platform/prod" }, expect: /platform stack "organization\/platform\/prod": is the platform of environment "prod", and this program deploys environment "dev".*set allowOtherEnvironment: true/ },
    { title: "a staging stack reading the dev platform", stack: "staging", config: { platformStack: "organization/platform/dev" }, expect: /is the platform of environment "dev", and this program deploys environment "staging"/ },
    { title: "another environment's platform, on purpose", config: { platformStack: "organization/platform/prod", allowOtherEnvironment: true }, expect: VALID },
    { title: "allowOtherEnvironment as a word", config: { allowOtherEnvironment: "yes" }, expect: /team-service:allowOtherEnvironment: must be true or false \(got "yes"\)/ },
    { title: "team missing", stack: "prod", config: { team: null }, expect: /team-service:team: required; expected string/ },
    { title: "team in upper case", config: { team: "Data" }, expect: /team-service:team: must be a DNS-1123 label: .* \(got "Data"\)/ },
    { title: "a team the platform does not have", config: { team: "payments" }, expect: /platform stack "organization\/platform\/dev": has no tenant team "payments"; its teams: data, shop/ },
    { title: "a team named like an object's own property", config: { team: "constructor" }, expect: /has no tenant team "constructor"; its teams: data, shop/ },
    { title: "image :latest", config: { image: "ghcr.io/stefanprodan/podinfo:latest" }, expect: /team-service:image: uses the mutable tag "latest".*\(got "ghcr\.io\/stefanprodan\/podinfo:latest"\)/ },
    { title: "image without a tag", config: { image: "ghcr.io/stefanprodan/podinfo" }, expect: /team-service:image: has no tag/ },
    { title: "image in upper case", config: { image: "ghcr.io/StefanProdan/podinfo:6.9.2" }, expect: /team-service:image: is not a valid image reference: .*upper-case/ },
    { title: "a tag too long for a label", args: set({ image: `ghcr.io/stefanprodan/podinfo:6.9.2-${"rc".repeat(30)}` }), expect: /image: its tag becomes the app\.kubernetes\.io\/version label, whose value is at most 63 characters/ },
    { title: "image with a trailing space", config: { image: "ghcr.io/stefanprodan/podinfo:6.9.2 " }, expect: /team-service:image: has leading or trailing whitespace/ },
    { title: "uses.mtlsScrape, which the platform decides", stack: "staging", config: { uses: { mtlsScrape: true } }, expect: /team-service:uses\.mtlsScrape: unknown key; accepted: mesh, monitoring, tracing/ },
    { title: "uses.mesh as a word", config: { uses: { mesh: "yes" } }, expect: /team-service:uses\.mesh: expected boolean, received string \(got "yes"\)/ },
    { title: "uses.monitoring true on a platform without it", platform: { monitoring: { enabled: false } }, config: { uses: { monitoring: true } }, expect: /monitoring is disabled in that stack \(uses\.monitoring: true needs it\)/ },
    { title: "out of a STRICT mesh, still scraped", stack: "prod", config: { uses: { mesh: false } }, expect: /its mesh enforces STRICT mTLS, so Prometheus can only scrape a service that joins the mesh/ },
    { title: "replicas 0", config: { replicas: 0 }, expect: /team-service:replicas: must be at least 1 \(got 0\)/ },
    { title: "replicas as a word", config: { replicas: "three" }, expect: /team-service:replicas: must be a number \(got "three"\)/ },
    { title: "replicas under autoscaling", stack: "staging", config: { replicas: 5 }, expect: new RegExp(`${S}\\n {2}- replicas: autoscaling is on, so the HorizontalPodAutoscaler owns the replica count.*\\(got 5\\)`) },
    { title: "memory as 500mb", config: { resources: { requests: { cpu: "100m", memory: "500mb" }, limits: { memory: "1Gi" } } }, expect: /team-service:resources\.requests\.memory: must be a Kubernetes quantity .*\(got "500mb"\)/ },
    { title: "memory limit in millibytes", config: { resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "512m" } } }, expect: /team-service:resources\.limits\.memory: is less than one byte .*did you mean "512Mi"\?/ },
    { title: "a request above its own limit", config: { resources: { requests: { cpu: "100m", memory: "1Gi" }, limits: { memory: "512Mi" } } }, expect: /team-service:resources\.requests\.memory: exceeds limits\.memory "512Mi" \(got "1Gi"\)/ },
    { title: "resources without limits", config: { resources: { requests: { cpu: "100m", memory: "128Mi" } } }, expect: /team-service:resources\.limits: required/ },
    { title: "resources.request misspelt", config: { resources: { request: { cpu: "100m" }, requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } } }, expect: /team-service:resources\.request: unknown key; accepted: requests, limits/ },
    { title: "delivery strategy in the wrong case", config: { delivery: { strategy: "bluegreen" } }, expect: /team-service:delivery\.strategy: .*expected one of "rolling"\|"canary"\|"blueGreen"\|"progressive" \(got "bluegreen"\)/ },
    { title: "canary without its block", config: { delivery: { strategy: "canary" } }, expect: /team-service:delivery\.canary: is required when strategy is "canary"/ },
    { title: "canary weight 150", config: { delivery: { strategy: "canary", canary: { weight: 150 } } }, expect: /team-service:delivery\.canary\.weight: must be 0-100 \(got 150\)/ },
    { title: "canary image :latest", config: { delivery: { strategy: "canary", canary: { weight: 10, image: "ghcr.io/stefanprodan/podinfo:latest" } } }, expect: /team-service:delivery\.canary\.image: uses the mutable tag "latest"/ },
    { title: "env name with a space", config: { env: { "LOG LEVEL": "debug" } }, expect: /team-service:env\.LOG LEVEL: the key must be an environment variable name: .* \(got key "LOG LEVEL"\)/ },
    { title: "env name starting with a digit", config: { env: { "1ST_REGION": "eu" } }, expect: /team-service:env\.1ST_REGION: the key must be an environment variable name/ },
    { title: "env value as a number", config: { env: { WORKERS: 4 } }, expect: /team-service:env\.WORKERS: must be a string \(got 4\)/ },
    { title: "the README's plain setting", config: { env: { LOG_LEVEL: "debug" } }, expect: VALID },
    // secrets: refused when stored in plaintext, never printed
    { title: "secretEnv set without --secret", config: { secretEnv: { API_TOKEN: PLANTED_SECRET } }, expect: /team-service:secretEnv: holds secrets, so it must be set with --secret .*its value is not shown.*pulumi config set --secret --path 'team-service:secretEnv\.<NAME>'/ },
    { title: "a secret's name with a dash and a space", config: { secretEnv: secret({ "api token": PLANTED_SECRET }) }, expect: /team-service:secretEnv\.api token: the key must be an environment variable name.*\(got key "api token"\)/ },
    { title: "a secret value as a number", config: { secretEnv: secret({ PIN: 4711 }) }, expect: /team-service:secretEnv\.PIN: must be a string \(got a secret value, not shown\); set it with `pulumi config set --secret --path 'team-service:secretEnv\.PIN' <value>`/ },
    { title: "env set with --secret, a value mistyped", config: { env: secret({ DB_PASSWORD: PLANTED_SECRET, PORT: 5432 }) }, expect: /team-service:env\.PORT: must be a string \(got a secret value, not shown\)/ },
    { title: "a secret image reference, mistyped", config: { image: secret(`${PLANTED_SECRET}:latest`) }, expect: /team-service:image: .*\(got a secret value, not shown\)/ },
    { title: "secretEnv set with --secret", config: { secretEnv: secret({ API_TOKEN: PLANTED_SECRET }) }, expect: VALID },
    // combinations the namespace would never admit (the platform's LimitRange and quota, from its contract)
    { title: "a CPU request above the LimitRange's default limit, with no CPU limit", config: { resources: { requests: { cpu: "1", memory: "128Mi" }, limits: { memory: "256Mi" } } }, expect: new RegExp(`${S}\\n {2}- resources\\.requests\\.cpu: exceeds the cpu limit "500m" that the namespace's LimitRange adds to a container without one.*\\(got "1"\\)`) },
    { title: "the same request with its own CPU limit", config: { resources: { requests: { cpu: "1", memory: "128Mi" }, limits: { cpu: "1", memory: "256Mi" } } }, expect: VALID },
    { title: "staging: a CPU request above the LimitRange's limit", stack: "staging", args: set({ resources: { requests: { cpu: "1500m", memory: "128Mi" }, limits: { memory: "256Mi" } } }), expect: /resources\.requests\.cpu: exceeds the cpu limit "1" that the namespace's LimitRange adds/ },
    { title: "more CPU than the team quota", config: { replicas: 45 }, expect: /resources\.requests\.cpu: 45 × "50m" exceed the namespace's quota requestsCpu "2", so pods beyond it are refused/ },
    { title: "more pods than the team quota", config: { replicas: 60 }, expect: /replicas: 60 pods exceed the namespace's quota of 50 pods/ },
    { title: "more memory than the team quota", config: { replicas: 5, resources: { requests: { cpu: "100m", memory: "1Gi" }, limits: { memory: "1Gi" } } }, expect: /resources\.requests\.memory: 5 × "1Gi" exceed the namespace's quota requestsMemory "4Gi"/ },
    { title: "prod: autoscaling's minimum above the quota", stack: "prod", args: set({ resources: { requests: { cpu: "6", memory: "1Gi" }, limits: { cpu: "6", memory: "1Gi" } } }), expect: /resources\.requests\.cpu: 3 × "6" exceed the namespace's quota requestsCpu "16"/ },
    { title: "two services over the quota together", args: (s, settings) => plus("billing", { serviceName: "billing" })(set({ replicas: 12, resources: SMALL })(s, settings)), expect: /Microservice "reports, billing" is invalid:\n {2}- reports 12 × "100m" \+ billing 12 × "100m" exceed the namespace's quota requestsCpu "2"/ },
    // settings the mesh or the delivery mode would ignore or break
    { title: "a canary at weight 5 on a platform without the mesh", platform: { mesh: { enabled: false } }, config: { delivery: { strategy: "canary", canary: { weight: 5 } } }, expect: /delivery\.canary\.weight: only the mesh splits traffic by weight.*\(got 5\)/ },
    { title: "a canary out of the mesh", config: { uses: { mesh: false }, delivery: { strategy: "canary", canary: { weight: 20, image: NEXT } } }, expect: /delivery\.canary\.weight: only the mesh splits traffic by weight/ },
    { title: "a canary inside the mesh", config: { delivery: { strategy: "canary", canary: { weight: 5, image: NEXT } } }, expect: VALID },
    { title: "blue-green without the mesh", config: { uses: { mesh: false }, delivery: { strategy: "blueGreen", blueGreen: { active: "green" } } }, expect: VALID },
    { title: "traffic settings out of the mesh", config: { uses: { mesh: false } }, args: set({ traffic: { timeout: "5s" } }), expect: /traffic: the mesh applies it, and the service does not join one, so it would be ignored/ },
    { title: "fault injection out of the mesh", config: { uses: { mesh: false } }, args: set({ faultInjection: { abort: { percent: 10, httpStatus: 503 } } }), expect: /faultInjection: the mesh applies it/ },
    { title: "a public service with no host", args: set({ public: true }), expect: /mesh\.gatewayHosts: a public service needs at least one host name/ },
    { title: "edge controls on a private service", args: set({ edge: { requireJwt: true } }), expect: /edge: the service is not public/ },
    // the arguments: names the API server would refuse
    { title: "a service name starting with a digit", args: set({ serviceName: "2fa-reports" }), expect: /Microservice "2fa-reports" is invalid:\n {2}- name: must be a DNS-1035 label, as a Service's name is: .* \(got "2fa-reports"\)/ },
    { title: "a service name in upper case", args: set({ serviceName: "Reports" }), expect: /Microservice "Reports" is invalid:\n {2}- name: must be a DNS-1035 label/ },
    { title: "a 64-character service name", args: set({ serviceName: "r".repeat(64) }), expect: /- name: must be a DNS-1035 label.*at most 63 characters/ },
    { title: "an all-digit port name", args: set({ ports: { http: 9898, 9797: 9797 } }), expect: new RegExp(`${S}\\n {2}- ports\\.9797: the key must be a port name: .*at least one letter.* \\(got key "9797"\\)`) },
    { title: "a 16-character port name", args: set({ ports: { http: 9898, "metrics-exporter": 9797 } }), expect: /ports\.metrics-exporter: the key must be a port name: .*at most 15 characters/ },
    { title: "a port above 65535", args: set({ ports: { http: 98980, metrics: 9797 } }), expect: /ports\.http: must be a port number, 1-65535 \(got 98980\)/ },
    { title: "no http port", args: set({ ports: { web: 9898 } }), expect: /ports: must map port names to container port numbers, with http required/ },
    { title: "a liveness probe on a port that does not exist", args: set({ probes: { liveness: { path: "/healthz", port: "health" } } }), expect: /probes\.liveness\.port: names no port of the container; accepted: http, metrics \(the liveness probe would never succeed\)/ },
    { title: "a readiness path without its slash", args: set({ probes: { readiness: { path: "readyz" } } }), expect: /probes\.readiness\.path: must be an absolute URL path such as "\/healthz" \(got "readyz"\)/ },
    { title: "a probe period of 0", args: set({ probes: { startup: { path: "/healthz", periodSeconds: 0 } } }), expect: /probes\.startup\.periodSeconds: must be a whole number of seconds, 1-86400 \(got 0\)/ },
    { title: "runAsUser 0", args: set({ runAsUser: 0 }), expect: /runAsUser: must be above 0: uid 0 is root, and the pods run with runAsNonRoot.* \(got 0\)/ },
    { title: "a negative runAsUser", args: set({ runAsUser: -1 }), expect: /runAsUser: must be above 0/ },
    { title: "a fractional runAsGroup", args: set({ runAsGroup: 1000.5 }), expect: /runAsGroup: must be a whole number \(got 1000\.5\)/ },
    { title: "writable paths sharing a volume name", args: set({ writablePaths: ["/app/data", "/app_data"] }), expect: /writablePaths\[1\]: gives the same volume name "writable-app-data" as writablePaths\[0\] "\/app\/data"/ },
    { title: "a writable path given twice", args: set({ writablePaths: ["/tmp", "/tmp/"] }), expect: /writablePaths\[1\]: gives the same volume name "writable-tmp" as writablePaths\[0\] "\/tmp"/ },
    { title: "the root as a writable path", args: set({ writablePaths: ["/"] }), expect: /writablePaths\[0\]: is the root directory: a volume there would hide the image's whole filesystem/ },
    { title: "a relative writable path", args: set({ writablePaths: ["data"] }), expect: /writablePaths\[0\]: must be an absolute path such as "\/tmp" \(got "data"\)/ },
    { title: "a writable path with ..", args: set({ writablePaths: ["/data/../etc"] }), expect: /writablePaths\[0\]: must not contain "\." or "\.\." segments/ },
    { title: "an empty command", args: set({ command: [] }), expect: /command: is empty: leave command unset to run the image's entrypoint \(got \[\]\)/ },
    { title: "an empty string as the command", args: set({ command: [""] }), expect: /command\[0\]: must not be empty/ },
    { title: "a label value with a space", args: set({ partOf: "monthly reports" }), expect: /partOf: must be a label value: .* \(got "monthly reports"\)/ },
    { title: "a 64-character component", args: set({ component: "c".repeat(64) }), expect: /component: must be a label value: .*at most 63 characters/ },
    { title: "an environment with a slash", args: set({ environment: "dev/eu" }), expect: /environment: must be a label value/ },
    { title: "a namespace in upper case", args: set({ namespace: "Data" }), expect: /namespace: must be a DNS-1123 label: .* \(got "Data"\)/ },
    { title: "an env name with a dash and a space", args: set({ env: { "cache size": "64" } }), expect: /env\.cache size: the key must be an environment variable name/ },
    { title: "an env value as a number", args: set({ env: { WORKERS: 4 } }), expect: /env\.WORKERS: must be a string \(or an Output of one\) \(got 4\)/ },
    { title: "a Secret key with a slash, its value not shown", args: set({ secretEnv: { "db/password": PLANTED_SECRET } }), expect: /secretEnv\.db\/password: the key must be an environment variable name.*\(got key "db\/password"\)/ },
    { title: "a secret value as a number, not shown", args: set({ secretEnv: { PIN: 4711 } }), expect: /secretEnv\.PIN: must be a string \(or an Output of one\) \(got a secret value, not shown\)/ },
    { title: "a secret Output in env, moved into the Secret", args: set({ env: { API_TOKEN: pulumi.secret(PLANTED_SECRET) } }), expect: VALID },
    // callers, identities, names across services
    { title: "a caller in another namespace", args: set({ callers: ["frontend.shop"] }), expect: /callers\[0\]: names a service in namespace "shop": callers are services of this service's own namespace \(give "frontend" if it runs here\)/ },
    { title: "a cross-team call without the team", args: set({ calls: ["orders"] }), expect: new RegExp(`${S}\\n {2}- calls\\[0\\]: must be "<team>/<service>" \\(e\\.g\\. "data/orders"\\) \\(got "orders"\\)`) },
    { title: "a cross-team caller of a team that does not exist", args: set({ accepts: ["billing/invoices"] }), expect: /accepts\[0\]: names no tenant team; accepted teams: shop/ },
    { title: "a caller as namespace/name", args: set({ callers: ["shop/frontend"] }), expect: /callers\[0\]: names a service in namespace "shop": .*\(give "frontend" if it runs here\)/ },
    { title: "a caller in upper case", args: set({ callers: ["Frontend"] }), expect: /callers\[0\]: must be a DNS-1035 label/ },
    // hosts outside the cluster
    { title: "an external dependency declared properly", args: set({ external: [{ host: "api.stripe.com", port: 443, protocol: "TLS" }] }), expect: VALID },
    { title: "an external host given as a URL", args: set({ external: [{ host: "https://api.stripe.com", port: 443, protocol: "TLS" }] }),
        expect: /external\[0\]\.host: is a URL; give only the host name, e\.g\. "shop\.example\.com" \(got "https:\/\/api\.stripe\.com"\)/ },
    { title: "an external host with a path", args: set({ external: [{ host: "api.stripe.com/v1", port: 443, protocol: "TLS" }] }), expect: /external\[0\]\.host: is a URL; give only the host name/ },
    { title: "an external port out of range", args: set({ external: [{ host: "api.stripe.com", port: 65536, protocol: "TLS" }] }), expect: /external\[0\]\.port: must be a port number, 1-65535 \(got 65536\)/ },
    { title: "an external wildcard host", args: set({ external: [{ host: "*.stripe.com", port: 443, protocol: "TLS" }] }), expect: /external\[0\]\.host: must name one host/ },
    { title: "an external host that is in the cluster", args: set({ external: [{ host: "orders.shop.svc", port: 80, protocol: "HTTP" }] }), expect: /external\[0\]\.host: must be a fully qualified external name/ },
    { title: "an external protocol in lower case", args: set({ external: [{ host: "api.stripe.com", port: 443, protocol: "https" }] }), expect: /external\[0\]\.protocol: must be one of HTTPS, TLS, HTTP, GRPC, TCP \(got "https"\)/ },
    { title: "an external dependency with a mistyped key", args: set({ external: [{ host: "api.stripe.com", prot: 443, protocol: "TLS" }] }), expect: /external\[0\]\.prot: unknown key; accepted: host, port, protocol/ },
    { title: "two services with one name", args: plus("reports-v2", { serviceName: "reports" }), expect: /Microservice "reports" is invalid:\n {2}- serviceName: another service of this program is named "reports" in namespace "data"/ },
    { title: "another team's namespace", args: set({ namespace: "shop" }), expect: /namespace: is not team "data"'s namespace "data" \(the platform gives the team only its own namespace\); use settings\.namespace \(got "shop"\)/ },
    { title: "a team name in upper case", args: set({ team: "Data" }), expect: /team: must be a DNS-1123 label/ },
    // mesh traffic, objectives, rollouts
    { title: "a timeout as a number", args: set({ traffic: { timeout: 10 } }), expect: /traffic\.timeout: must be a duration such as "500ms" or "5s" \(got 10\)/ },
    { title: "a retry longer than the timeout", args: set({ traffic: { timeout: "2s", retries: { perTryTimeout: "5s" } } }), expect: /traffic\.retries\.perTryTimeout 5s exceeds traffic\.timeout 2s/ },
    { title: "an SLO of 100%", args: set({ slo: 100 }), expect: /slo: must be a percentage from 50 to below 100, e\.g\. 99\.9 \(got 100\)/ },
    { title: "an error ratio as a percentage", args: set({ alertThresholds: { errorRatio: 5 } }), expect: /alertThresholds\.errorRatio: 5 must be a fraction in \(0, 1\]/ },
    { title: "autoscaling max below min", args: set({ autoscaling: { enabled: true, minReplicas: 5, maxReplicas: 2 } }), expect: /autoscaling\.maxReplicas: is below minReplicas 5 \(got 2\)/ },
    { title: "request-rate scaling without KEDA's integration", stack: "staging", args: set({ autoscaling: { scaleOn: "requestRate", requestRate: { targetPerPod: 20 } } }), expect: /autoscaling\.scaleOn: KEDA scales on the request rate, and requestScaling is not set/ },
    { title: "a request-rate target of 0", stack: "staging", args: set({ autoscaling: { scaleOn: "requestRate", requestRate: { targetPerPod: 0 } } }), expect: /autoscaling\.requestRate\.targetPerPod: must be above 0/ },
    { title: "an automated canary without Argo Rollouts' integration", stack: "staging",
        args: set({ delivery: { strategy: "progressive", progressive: { stepWeight: 10, maxWeight: 50, interval: "1m", successRate: 99, latencyP99: "500ms" } } }),
        expect: /delivery\.strategy: Argo Rollouts runs automated canaries, and progressiveDelivery is not set/ },
    { title: "an automated canary's maximum weight over 100", stack: "staging",
        args: set({ delivery: { strategy: "progressive", progressive: { stepWeight: 10, maxWeight: 150, interval: "1m", successRate: 99, latencyP99: "500ms" } } }),
        expect: /delivery\.progressive\.maxWeight: must be 1-100 \(got 150\)/ },
    { title: "a disruption budget of 0", args: set({ disruptionBudget: { enabled: true, maxUnavailable: 0 } }), expect: /disruptionBudget\.maxUnavailable: must be at least 1 \(got 0\)/ },
    { title: "a rollout that can never start", args: set({ delivery: { strategy: "rolling", rolling: { maxSurge: 0, maxUnavailable: 0 } } }), expect: /rollingUpdate\.maxSurge: is 0 and so is maxUnavailable/ },
    { title: "every mistake of a service in one pass", args: set({ runAsUser: 0, command: [], probes: { liveness: { path: "/healthz", port: "health" } } }),
        expect: new RegExp(`${S}\\n {2}- command: is empty.*\\n {2}- runAsUser: must be above 0.*\\n {2}- probes\\.liveness\\.port: names no port`) },
];
