{{- define "lazi.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: lazi
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* The gateway's Service, the one backend of the Ingress and the HTTPRoute. */}}
{{- define "lazi.gatewayService" -}}
{{- printf "%s-gateway-service" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "lazi.strimziNamespace" -}}
{{- .Values.kafka.strimzi.namespace | default .Release.Namespace -}}
{{- end -}}
