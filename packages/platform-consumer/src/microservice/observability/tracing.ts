// OpenTelemetry SDK settings (the standard environment variables) that send a service's traces
// over OTLP gRPC to the platform's collector.
import * as pulumi from "@pulumi/pulumi";

export function otlpEnvironment(
    serviceName: string, namespace: pulumi.Input<string>, environment: string, otlpGrpcEndpoint: pulumi.Input<string>,
): Record<string, pulumi.Input<string>> {
    return {
        // http:// tells the gRPC exporter the collector speaks plaintext (the sidecar adds mTLS).
        OTEL_EXPORTER_OTLP_ENDPOINT: pulumi.interpolate`http://${otlpGrpcEndpoint}`,
        OTEL_EXPORTER_OTLP_PROTOCOL: "grpc",
        OTEL_TRACES_EXPORTER: "otlp",
        OTEL_SERVICE_NAME: serviceName,
        OTEL_RESOURCE_ATTRIBUTES: pulumi.interpolate`service.namespace=${namespace},deployment.environment=${environment}`,
    };
}
