{{/*
Two ConfigMaps per service:
- "<fullname>-env": the process environment (envFrom), everything but credentials, which come from Secrets
  by reference only (lazi-lib.secretEnv);
- "<fullname>-config": Spring's application.yaml, mounted at /config and read through
  SPRING_CONFIG_ADDITIONAL_LOCATION, from the chart's "config" values over a small base.
*/}}

{{- define "lazi-lib.javaToolOptions" -}}
{{- $global := include "lazi-lib.global" . | fromYaml -}}
{{- $options := list (printf "-XX:MaxRAMPercentage=%v" .Values.jvm.maxRamPercentage) "-XX:+ExitOnOutOfMemoryError" -}}
{{- if dig "otel" "agent" "enabled" false $global -}}
{{- $options = append $options "-javaagent:/otel/opentelemetry-javaagent.jar" -}}
{{- end -}}
{{- with .Values.jvm.extraOptions -}}
{{- $options = append $options . -}}
{{- end -}}
{{- join " " $options -}}
{{- end -}}

{{/*
The issuer the services trust: the bundled identity provider's Service URL when it is enabled
(global.identityProvider.enabled, a stand-in), else global.identity.issuerUri.
*/}}
{{- define "lazi-lib.issuerUri" -}}
{{- $global := include "lazi-lib.global" . | fromYaml -}}
{{- $issuer := dig "identity" "issuerUri" "" $global -}}
{{- if dig "identityProvider" "enabled" false $global -}}
{{- $issuer = include "lazi-lib.peerUrl" (list . "identity-provider") -}}
{{- end -}}
{{- if not $issuer -}}
{{- fail (printf "%s: global.identity.issuerUri is required: the issuer (iss) of the identity provider whose tokens the platform accepts, e.g. https://id.example.com/realms/lazi (or global.identityProvider.enabled=true for the bundled stand-in)" (include "lazi-lib.name" .)) -}}
{{- end -}}
{{- $issuer -}}
{{- end -}}

{{- define "lazi-lib.environment" -}}
{{- $global := include "lazi-lib.global" . | fromYaml -}}
SERVER_PORT: {{ include "lazi-lib.httpPort" . | quote }}
MANAGEMENT_SERVER_PORT: {{ include "lazi-lib.managementPort" . | quote }}
LAZI_BIND_ADDRESS: "0.0.0.0"
SPRING_CONFIG_ADDITIONAL_LOCATION: "optional:file:/config/"
JAVA_TOOL_OPTIONS: {{ include "lazi-lib.javaToolOptions" . | quote }}
{{- if dig "config" "server" "enabled" false $global }}
LAZI_CONFIG_ENABLED: "true"
LAZI_CONFIG_URI: {{ required "global.config.server.uri is required when global.config.server.enabled is true, e.g. http://config-server:8888" (dig "config" "server" "uri" "" $global) | quote }}
SPRING_CLOUD_CONFIG_FAIL_FAST: {{ dig "config" "server" "failFast" true $global | toString | quote }}
{{- else }}
LAZI_CONFIG_ENABLED: "false"
{{- end }}
# Console log lines: ecs / logstash / gelf JSON with traceId, spanId and tenantId, or text.
LAZI_LOG_FORMAT: {{ dig "logging" "format" "ecs" $global | quote }}
{{- if dig "otel" "tracing" "enabled" false $global }}
{{- if dig "otel" "agent" "enabled" false $global }}
{{- fail "global.otel.tracing.enabled and global.otel.agent.enabled would both trace every call: enable one" }}
{{- end }}
# The services' own tracing exports spans over OTLP/HTTP; unset, nothing is exported.
LAZI_OTLP_TRACING_ENDPOINT: {{ printf "%s/v1/traces" (dig "otel" "exporterEndpoint" "http://otel-collector:4318" $global | trimSuffix "/") | quote }}
LAZI_TRACING_SAMPLING_PROBABILITY: {{ dig "otel" "tracing" "samplingProbability" 1.0 $global | toString | quote }}
{{- end }}
{{- if dig "otel" "agent" "enabled" false $global }}
OTEL_SERVICE_NAME: {{ include "lazi-lib.name" . | quote }}
OTEL_EXPORTER_OTLP_ENDPOINT: {{ dig "otel" "exporterEndpoint" "http://otel-collector:4318" $global | quote }}
OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf"
# Metrics are scraped by Prometheus and logs are read from stdout: the agent sends traces only.
OTEL_METRICS_EXPORTER: "none"
OTEL_LOGS_EXPORTER: "none"
{{- end }}
{{- if .Values.identity.enabled }}
LAZI_SECURITY_ISSUER_URI: {{ include "lazi-lib.issuerUri" . | quote }}
{{- with dig "identity" "jwkSetUri" "" $global }}
LAZI_SECURITY_JWK_SET_URI: {{ . | quote }}
{{- end }}
{{- with dig "identity" "audience" "" $global }}
LAZI_SECURITY_AUDIENCE: {{ . | quote }}
{{- end }}
{{- end }}
{{- if .Values.kafka.enabled }}
SPRING_KAFKA_BOOTSTRAP_SERVERS: {{ dig "kafka" "bootstrapServers" "lazi-kafka-bootstrap:9093" $global | quote }}
SPRING_KAFKA_SECURITY_PROTOCOL: {{ dig "kafka" "securityProtocol" "SASL_SSL" $global | quote }}
SPRING_KAFKA_PROPERTIES_SASL_MECHANISM: {{ dig "kafka" "saslMechanism" "SCRAM-SHA-512" $global | quote }}
# The topics are the operator's (Strimzi KafkaTopic or an admin); a service principal may not create them.
LAZI_KAFKA_CREATE_TOPICS: "false"
{{- if dig "kafka" "tls" "caSecret" "" $global }}
SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_TYPE: "PEM"
SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION: {{ printf "/etc/lazi/kafka-ca/%s" (dig "kafka" "tls" "caKey" "ca.crt" $global) | quote }}
{{- end }}
{{- end }}
{{- if .Values.database.enabled }}
SPRING_DATASOURCE_URL: {{ .Values.database.url | default (dig "database" "url" "jdbc:postgresql://lazi-postgresql:5432/lazi" $global) | quote }}
{{- end }}
{{- if .Values.serviceTitan.enabled }}
{{- if dig "stSimulator" "enabled" false $global }}
# The bundled ServiceTitan simulator stands in for ServiceTitan (never in production).
LAZI_ST_AUTH_URL: {{ include "lazi-lib.peerUrl" (list . "st-simulator") | quote }}
LAZI_ST_API_URL: {{ include "lazi-lib.peerUrl" (list . "st-simulator") | quote }}
{{- else }}
LAZI_ST_AUTH_URL: {{ .Values.serviceTitan.authUrl | quote }}
LAZI_ST_API_URL: {{ .Values.serviceTitan.apiUrl | quote }}
{{- end }}
{{- with .Values.serviceTitan.tenantId }}
LAZI_ST_TENANT_ID: {{ . | toString | quote }}
{{- end }}
{{- end }}
{{- with .Values.rateLimit }}
LAZI_GATEWAY_RATE_LIMIT: {{ .limitForPeriod | toString | quote }}
LAZI_GATEWAY_RATE_LIMIT_PERIOD: {{ .period | quote }}
# Each replica's share is the budget divided by this: the replicas that run at the least.
LAZI_GATEWAY_REPLICAS: {{ ternary $.Values.autoscaling.minReplicas $.Values.replicaCount $.Values.autoscaling.enabled | toString | quote }}
{{- end }}
{{- range .Values.calls }}
{{ printf "LAZI_%s_URL" (. | trimSuffix "-service" | upper | replace "-" "_") }}: {{ include "lazi-lib.peerUrl" (list $ .) | quote }}
{{- end }}
{{- range $name, $value := .Values.extraEnv }}
{{ $name }}: {{ tpl ($value | toString) $ | quote }}
{{- end }}
{{- end -}}

{{- define "lazi-lib.applicationConfig" -}}
{{- $base := dict "management" (dict "endpoint" (dict "health" (dict "probes" (dict "enabled" true)))) -}}
{{- $config := mergeOverwrite $base (deepCopy (.Values.config | default dict)) -}}
{{- toYaml $config -}}
{{- end -}}

{{- define "lazi-lib.configmap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "lazi-lib.fullname" . }}-env
  labels:
    {{- include "lazi-lib.labels" . | nindent 4 }}
data:
  {{- include "lazi-lib.environment" . | nindent 2 }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "lazi-lib.fullname" . }}-config
  labels:
    {{- include "lazi-lib.labels" . | nindent 4 }}
data:
  application.yaml: |
    {{- include "lazi-lib.applicationConfig" . | nindent 4 }}
{{- end -}}
