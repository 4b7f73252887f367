{{/* Everything a service chart renders: include "lazi-lib.all" . from one template of the chart. */}}
{{- define "lazi-lib.all" -}}
{{- $parts := list "lazi-lib.serviceAccount" "lazi-lib.configmap" "lazi-lib.service" "lazi-lib.deployment" "lazi-lib.hpa" "lazi-lib.pdb" "lazi-lib.networkPolicy" "lazi-lib.serviceMonitor" -}}
{{- range $parts }}
{{- $rendered := include . $ | trim -}}
{{- if $rendered }}
---
{{ $rendered }}
{{- end }}
{{- end }}
{{- end -}}
