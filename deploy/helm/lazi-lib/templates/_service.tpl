{{- define "lazi-lib.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "lazi-lib.fullname" . }}
  labels:
    {{- include "lazi-lib.labels" . | nindent 4 }}
  {{- with .Values.service.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: ClusterIP
  selector:
    {{- include "lazi-lib.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ include "lazi-lib.httpPort" . }}
      targetPort: http
      protocol: TCP
    # Scraped by Prometheus; only the NetworkPolicy's Prometheus peer may reach it.
    - name: management
      port: {{ include "lazi-lib.managementPort" . }}
      targetPort: management
      protocol: TCP
{{- end -}}

{{- define "lazi-lib.serviceAccount" -}}
{{- if .Values.serviceAccount.create -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "lazi-lib.serviceAccountName" . }}
  labels:
    {{- include "lazi-lib.labels" . | nindent 4 }}
  {{- with .Values.serviceAccount.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
automountServiceAccountToken: false
{{- end -}}
{{- end -}}

{{- define "lazi-lib.hpa" -}}
{{- if .Values.autoscaling.enabled -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "lazi-lib.fullname" . }}
  labels:
    {{- include "lazi-lib.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "lazi-lib.fullname" . }}
  minReplicas: {{ .Values.autoscaling.minReplicas }}
  maxReplicas: {{ .Values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .Values.autoscaling.targetCPUUtilizationPercentage }}
  behavior:
    scaleDown:
      # A JVM's CPU spikes at start and after a sync; do not shrink on the first quiet minute.
      stabilizationWindowSeconds: 300
      policies:
        - type: Pods
          value: 1
          periodSeconds: 60
{{- end -}}
{{- end -}}

{{- define "lazi-lib.pdb" -}}
{{- if and .Values.podDisruptionBudget.enabled (gt (include "lazi-lib.minReplicas" . | int) 1) -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "lazi-lib.fullname" . }}
  labels:
    {{- include "lazi-lib.labels" . | nindent 4 }}
spec:
  {{- if or (kindIs "float64" .Values.podDisruptionBudget.maxUnavailable) .Values.podDisruptionBudget.maxUnavailable }}
  maxUnavailable: {{ .Values.podDisruptionBudget.maxUnavailable }}
  {{- else }}
  minAvailable: {{ .Values.podDisruptionBudget.minAvailable | default 1 }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "lazi-lib.selectorLabels" . | nindent 6 }}
{{- end -}}
{{- end -}}

{{- define "lazi-lib.serviceMonitor" -}}
{{- $global := include "lazi-lib.global" . | fromYaml -}}
{{- if dig "monitoring" "serviceMonitor" "enabled" false $global -}}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "lazi-lib.fullname" . }}
  labels:
    {{- include "lazi-lib.labels" . | nindent 4 }}
    {{- with dig "monitoring" "serviceMonitor" "labels" dict $global }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "lazi-lib.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: management
      path: /actuator/prometheus
      interval: {{ dig "monitoring" "serviceMonitor" "interval" "30s" $global }}
      scrapeTimeout: {{ dig "monitoring" "serviceMonitor" "scrapeTimeout" "10s" $global }}
{{- end -}}
{{- end -}}
