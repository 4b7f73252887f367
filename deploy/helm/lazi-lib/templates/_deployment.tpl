{{/*
Credentials, each from an existing Secret by reference (never a value in the chart or the manifest):
database role, Kafka principal (Strimzi's KafkaUser secret carries "sasl.jaas.config"), the identity
provider client secret, ServiceTitan, and any extraSecretEnv.
*/}}
{{- define "lazi-lib.secretEnv" -}}
{{- if .Values.database.enabled }}
- name: SPRING_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "%s: database.existingSecret is required (a Secret with the role's username and password)" (include "lazi-lib.name" .)) .Values.database.existingSecret }}
      key: {{ .Values.database.usernameKey }}
- name: SPRING_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: {{ .Values.database.passwordKey }}
{{- end }}
{{- if and .Values.kafka.enabled .Values.kafka.existingSecret }}
- name: SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ .Values.kafka.existingSecret }}
      key: {{ .Values.kafka.jaasConfigKey }}
{{- end }}
{{- if and .Values.identity.enabled .Values.identity.clientSecret.existingSecret }}
- name: LAZI_SECURITY_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ .Values.identity.clientSecret.existingSecret }}
      key: {{ .Values.identity.clientSecret.key }}
{{- end }}
{{- /* The simulator's tenants are st-ingest's built-in defaults: no ServiceTitan Secret with the stand-in. */}}
{{- $simulated := dig "stSimulator" "enabled" false (.Values.global | default dict) }}
{{- if and .Values.serviceTitan.enabled .Values.serviceTitan.existingSecret (not $simulated) }}
{{- range $name, $key := dict "LAZI_ST_CLIENT_ID" .Values.serviceTitan.clientIdKey "LAZI_ST_CLIENT_SECRET" .Values.serviceTitan.clientSecretKey "LAZI_ST_APP_KEY" .Values.serviceTitan.appKeyKey }}
- name: {{ $name }}
  valueFrom:
    secretKeyRef:
      name: {{ $.Values.serviceTitan.existingSecret }}
      key: {{ $key }}
{{- end }}
{{- end }}
{{- range .Values.extraSecretEnv }}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret }}
      key: {{ .key }}
{{- end }}
{{- end -}}

{{- define "lazi-lib.probe" -}}
{{- $probe := index . 1 -}}
httpGet:
  path: {{ index . 0 }}
  port: management
periodSeconds: {{ $probe.periodSeconds }}
timeoutSeconds: {{ $probe.timeoutSeconds }}
failureThreshold: {{ $probe.failureThreshold }}
{{- with $probe.initialDelaySeconds }}
initialDelaySeconds: {{ . }}
{{- end }}
{{- end -}}

{{- define "lazi-lib.deployment" -}}
{{- $global := include "lazi-lib.global" . | fromYaml -}}
{{- $kafkaCa := and .Values.kafka.enabled (dig "kafka" "tls" "caSecret" "" $global) -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "lazi-lib.fullname" . }}
  labels:
    {{- include "lazi-lib.labels" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      # A new pod is ready (its database and Kafka answer) before an old one goes.
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      {{- include "lazi-lib.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      annotations:
        # A changed configuration rolls the pods.
        checksum/config: {{ include "lazi-lib.configmap" . | sha256sum }}
        {{- with .Values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      labels:
        {{- include "lazi-lib.labels" . | nindent 8 }}
        {{- with .Values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "lazi-lib.serviceAccountName" . }}
      # No service talks to the Kubernetes API.
      automountServiceAccountToken: false
      enableServiceLinks: false
      {{- with (concat (.Values.imagePullSecrets | default list) (dig "imagePullSecrets" list $global)) }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
      {{- end }}
      {{- with .Values.priorityClassName }}
      priorityClassName: {{ . }}
      {{- end }}
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        runAsGroup: 10001
        fsGroup: 10001
        seccompProfile:
          type: RuntimeDefault
      terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}
      {{- if .Values.topologySpread.enabled }}
      topologySpreadConstraints:
        - maxSkew: {{ .Values.topologySpread.maxSkew }}
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: {{ .Values.topologySpread.zones }}
          labelSelector:
            matchLabels:
              {{- include "lazi-lib.selectorLabels" . | nindent 14 }}
        - maxSkew: {{ .Values.topologySpread.maxSkew }}
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: {{ .Values.topologySpread.nodes }}
          labelSelector:
            matchLabels:
              {{- include "lazi-lib.selectorLabels" . | nindent 14 }}
      {{- end }}
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.initContainers }}
      initContainers:
        {{- tpl (toYaml .) $ | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ include "lazi-lib.name" . }}
          image: {{ include "lazi-lib.image" . | quote }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ include "lazi-lib.httpPort" . }}
              protocol: TCP
            - name: management
              containerPort: {{ include "lazi-lib.managementPort" . }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "lazi-lib.fullname" . }}-env
          {{- with (include "lazi-lib.secretEnv" . | trim) }}
          env:
            {{- . | nindent 12 }}
          {{- end }}
          # Anonymous health groups on the management port: liveness is the process alone, readiness adds the
          # database and Kafka where the service uses them; the startup probe gives a cold JVM and Flyway time.
          startupProbe:
            {{- include "lazi-lib.probe" (list "/actuator/health/liveness" .Values.probes.startup) | nindent 12 }}
          livenessProbe:
            {{- include "lazi-lib.probe" (list "/actuator/health/liveness" .Values.probes.liveness) | nindent 12 }}
          readinessProbe:
            {{- include "lazi-lib.probe" (list "/actuator/health/readiness" .Values.probes.readiness) | nindent 12 }}
          lifecycle:
            preStop:
              # Endpoints and load balancers drop the pod before Spring's graceful shutdown starts.
              exec:
                command: ["sleep", "{{ .Values.preStopSleepSeconds }}"]
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          securityContext:
            runAsNonRoot: true
            runAsUser: 10001
            runAsGroup: 10001
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            privileged: false
            capabilities:
              drop: ["ALL"]
            seccompProfile:
              type: RuntimeDefault
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            - name: config
              mountPath: /config
              readOnly: true
            {{- if $kafkaCa }}
            - name: kafka-ca
              mountPath: /etc/lazi/kafka-ca
              readOnly: true
            {{- end }}
            {{- with .Values.extraVolumeMounts }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
      volumes:
        # The only writable place: the root filesystem is read-only.
        - name: tmp
          emptyDir:
            sizeLimit: {{ .Values.tmpSizeLimit }}
        - name: config
          configMap:
            name: {{ include "lazi-lib.fullname" . }}-config
        {{- if $kafkaCa }}
        - name: kafka-ca
          secret:
            secretName: {{ $kafkaCa }}
            items:
              - key: {{ dig "kafka" "tls" "caKey" "ca.crt" $global }}
                path: {{ dig "kafka" "tls" "caKey" "ca.crt" $global }}
        {{- end }}
        {{- with .Values.extraVolumes }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
{{- end -}}
