{{/*
Names, labels and small shared helpers. Every template takes the chart's root context.
*/}}

{{/* The chart's name: nameOverride or the chart name, e.g. "st-ingest-service". */}}
{{- define "lazi-lib.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
The resources' name: fullnameOverride, else "<release>-<name>". Always prefixed by the release, so that
one service finds another by "<release>-<chart>" (lazi-lib.peerName) without knowing its values.
*/}}
{{- define "lazi-lib.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "lazi-lib.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The Service name of another chart of the release: (list $ "image-service"). */}}
{{- define "lazi-lib.peerName" -}}
{{- $ctx := index . 0 -}}
{{- printf "%s-%s" $ctx.Release.Name (index . 1) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* http://<release>-<chart>:8080, the in-cluster base URL of another chart of the release. */}}
{{- define "lazi-lib.peerUrl" -}}
{{- printf "http://%s:%d" (include "lazi-lib.peerName" .) (include "lazi-lib.httpPort" (index . 0) | int) -}}
{{- end -}}

{{/* The pod labels that select another chart's pods of the release: (list $ "gateway-service"). */}}
{{- define "lazi-lib.peerSelector" -}}
{{- $ctx := index . 0 -}}
app.kubernetes.io/name: {{ index . 1 }}
app.kubernetes.io/instance: {{ $ctx.Release.Name }}
{{- end -}}

{{- define "lazi-lib.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "lazi-lib.selectorLabels" -}}
app.kubernetes.io/name: {{ include "lazi-lib.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "lazi-lib.labels" -}}
helm.sh/chart: {{ include "lazi-lib.chart" . }}
{{ include "lazi-lib.selectorLabels" . }}
app.kubernetes.io/version: {{ include "lazi-lib.imageTag" . | quote }}
app.kubernetes.io/component: {{ .Values.component | default "service" }}
app.kubernetes.io/part-of: lazi
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "lazi-lib.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "lazi-lib.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The container ports; fixed by the platform's contract (README, "Ports" in a pod). */}}
{{- define "lazi-lib.httpPort" -}}8080{{- end -}}
{{- define "lazi-lib.managementPort" -}}8081{{- end -}}

{{/* .Values.global, or an empty map when the chart is installed on its own without one. */}}
{{- define "lazi-lib.global" -}}
{{- toYaml (.Values.global | default dict) -}}
{{- end -}}

{{/* The image tag: image.tag, else global.image.tag, else the chart's appVersion. */}}
{{- define "lazi-lib.imageTag" -}}
{{- $global := include "lazi-lib.global" . | fromYaml -}}
{{- .Values.image.tag | default (dig "image" "tag" "" $global) | default .Chart.AppVersion | toString -}}
{{- end -}}

{{/*
registry/repository:tag@digest. The digest pins what runs; the tag stays for people reading the manifest.
With global.image.requireDigest (production values) an image without a digest fails the release.
*/}}
{{- define "lazi-lib.image" -}}
{{- $global := include "lazi-lib.global" . | fromYaml -}}
{{- $registry := .Values.image.registry | default (dig "image" "registry" "" $global) -}}
{{- $repository := .Values.image.repository -}}
{{- if $registry -}}{{- $repository = printf "%s/%s" $registry $repository -}}{{- end -}}
{{- $digest := .Values.image.digest | default "" -}}
{{- if and (not $digest) (dig "image" "requireDigest" false $global) -}}
{{- fail (printf "%s: image.digest is required (global.image.requireDigest is true): set %s.image.digest to the sha256:<64 hex> digest of %s:%s" (include "lazi-lib.name" .) (include "lazi-lib.name" .) $repository (include "lazi-lib.imageTag" .)) -}}
{{- end -}}
{{- printf "%s:%s" $repository (include "lazi-lib.imageTag" .) -}}
{{- if $digest -}}@{{ $digest }}{{- end -}}
{{- end -}}

{{/* Whether the pods of this chart run more than one replica at least (a PDB would otherwise block drains). */}}
{{- define "lazi-lib.minReplicas" -}}
{{- if .Values.autoscaling.enabled -}}{{ .Values.autoscaling.minReplicas }}{{- else -}}{{ .Values.replicaCount }}{{- end -}}
{{- end -}}
