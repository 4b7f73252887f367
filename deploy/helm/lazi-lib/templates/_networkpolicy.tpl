{{/*
The defaults of global.networkPolicy: who the platform's pods talk to outside the release. Each peer is
{from|to: [NetworkPolicyPeer…], ports: [int…]}; a peer set in global.networkPolicy replaces its default whole.
*/}}
{{- define "lazi-lib.networkPolicyDefaults" -}}
dns:
  to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: kube-system
      podSelector:
        matchLabels:
          k8s-app: kube-dns
  ports: [53]
ingressController:
  from:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: ingress-nginx
      podSelector:
        matchLabels:
          app.kubernetes.io/name: ingress-nginx
prometheus:
  from:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: monitoring
      podSelector:
        matchLabels:
          app.kubernetes.io/name: prometheus
kafka:
  to:
    - podSelector:
        matchLabels:
          strimzi.io/cluster: lazi
          strimzi.io/kind: Kafka
  ports: [9092, 9093]
database:
  to:
    - podSelector:
        matchLabels:
          app.kubernetes.io/name: postgresql
  ports: [5432]
identityProvider:
  to:
    - ipBlock:
        cidr: 0.0.0.0/0
  ports: [443]
serviceTitan:
  to:
    - ipBlock:
        cidr: 0.0.0.0/0
        except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, 169.254.0.0/16, 127.0.0.0/8]
  ports: [443]
configServer:
  to:
    - podSelector:
        matchLabels:
          app.kubernetes.io/name: config-server
  ports: [8888]
otelCollector:
  to:
    - namespaceSelector: {}
      podSelector:
        matchLabels:
          app.kubernetes.io/name: opentelemetry-collector
  ports: [4317, 4318]
{{- end -}}

{{/* One peer of global.networkPolicy, or its default: (list $ "kafka"). */}}
{{- define "lazi-lib.networkPeer" -}}
{{- $ctx := index . 0 -}}
{{- $key := index . 1 -}}
{{- $global := include "lazi-lib.global" $ctx | fromYaml -}}
{{- $configured := dig "networkPolicy" dict $global -}}
{{- $defaults := include "lazi-lib.networkPolicyDefaults" $ctx | fromYaml -}}
{{- toYaml (ternary (get $configured $key) (get $defaults $key) (hasKey $configured $key)) -}}
{{- end -}}

{{/* An egress rule to a peer on its TCP ports: (list $ "kafka"). */}}
{{- define "lazi-lib.egressTo" -}}
{{- $peer := include "lazi-lib.networkPeer" . | fromYaml -}}
- to:
    {{- toYaml $peer.to | nindent 4 }}
  ports:
    {{- range $peer.ports }}
    - port: {{ . }}
      protocol: TCP
    {{- end }}
{{- end -}}

{{/* An egress rule to pods of other charts of the release on their HTTP port: (list $ (list "image-service")). */}}
{{- define "lazi-lib.egressToCharts" -}}
{{- $ctx := index . 0 -}}
- to:
    {{- range index . 1 }}
    - podSelector:
        matchLabels:
          {{- include "lazi-lib.peerSelector" (list $ctx .) | nindent 10 }}
    {{- end }}
  ports:
    - port: {{ include "lazi-lib.httpPort" $ctx }}
      protocol: TCP
{{- end -}}

{{/*
This service's pods may receive only: HTTP from the charts in calledBy (and from the ingress controller
when networkPolicy.ingressController), the management port from Prometheus when the ServiceMonitor is on;
and send only: DNS, the identity provider, Kafka, PostgreSQL, the charts in calls, ServiceTitan on 443
when networkPolicy.serviceTitan, the config server and the trace collector when those are on.
*/}}
{{- define "lazi-lib.networkPolicy" -}}
{{- $global := include "lazi-lib.global" . | fromYaml -}}
{{- if dig "networkPolicy" "enabled" true $global -}}
{{- $dns := include "lazi-lib.networkPeer" (list . "dns") | fromYaml -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "lazi-lib.fullname" . }}
  labels:
    {{- include "lazi-lib.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "lazi-lib.selectorLabels" . | nindent 6 }}
  policyTypes: [Ingress, Egress]
  ingress:
    {{- with .Values.calledBy }}
    - from:
        {{- range . }}
        - podSelector:
            matchLabels:
              {{- include "lazi-lib.peerSelector" (list $ .) | nindent 14 }}
        {{- end }}
      ports:
        - port: http
          protocol: TCP
    {{- end }}
    {{- if .Values.networkPolicy.ingressController }}
    - from:
        {{- toYaml (include "lazi-lib.networkPeer" (list . "ingressController") | fromYaml).from | nindent 8 }}
      ports:
        - port: http
          protocol: TCP
    {{- end }}
    {{- if dig "monitoring" "serviceMonitor" "enabled" false $global }}
    - from:
        {{- toYaml (include "lazi-lib.networkPeer" (list . "prometheus") | fromYaml).from | nindent 8 }}
      ports:
        - port: management
          protocol: TCP
    {{- end }}
    {{- with .Values.networkPolicy.extraIngress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  egress:
    - to:
        {{- toYaml $dns.to | nindent 8 }}
      ports:
        {{- range $dns.ports }}
        - port: {{ . }}
          protocol: UDP
        - port: {{ . }}
          protocol: TCP
        {{- end }}
    {{- if .Values.identity.enabled }}
    {{- if dig "identityProvider" "enabled" false $global }}
    {{- include "lazi-lib.egressToCharts" (list . (list "identity-provider")) | nindent 4 }}
    {{- else }}
    {{- include "lazi-lib.egressTo" (list . "identityProvider") | nindent 4 }}
    {{- end }}
    {{- end }}
    {{- if .Values.kafka.enabled }}
    {{- include "lazi-lib.egressTo" (list . "kafka") | nindent 4 }}
    {{- end }}
    {{- if .Values.database.enabled }}
    {{- include "lazi-lib.egressTo" (list . "database") | nindent 4 }}
    {{- end }}
    {{- with .Values.calls }}
    {{- include "lazi-lib.egressToCharts" (list $ .) | nindent 4 }}
    {{- end }}
    {{- if .Values.networkPolicy.serviceTitan }}
    {{- if dig "stSimulator" "enabled" false $global }}
    {{- include "lazi-lib.egressToCharts" (list . (list "st-simulator")) | nindent 4 }}
    {{- else }}
    {{- include "lazi-lib.egressTo" (list . "serviceTitan") | nindent 4 }}
    {{- end }}
    {{- end }}
    {{- if dig "config" "server" "enabled" false $global }}
    {{- include "lazi-lib.egressTo" (list . "configServer") | nindent 4 }}
    {{- end }}
    {{- if or (dig "otel" "agent" "enabled" false $global) (dig "otel" "tracing" "enabled" false $global) }}
    {{- include "lazi-lib.egressTo" (list . "otelCollector") | nindent 4 }}
    {{- end }}
    {{- with .Values.networkPolicy.extraEgress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end -}}
{{- end -}}
