{{- define "litedesk.labels" -}}
app.kubernetes.io/name: litedesk-control-plane
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end }}
{{- define "litedesk.selector" -}}
app.kubernetes.io/name: litedesk-control-plane
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
{{- define "litedesk.secretName" -}}
{{ default (printf "%s-litedesk" .Release.Name) .Values.existingSecret }}
{{- end }}
