{{/* The name every object of a release carries. */}}
{{- define "shipshape.fullname" -}}
{{- if eq .Release.Name .Chart.Name }}{{ .Release.Name | trunc 63 }}{{ else }}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}{{ end }}
{{- end }}

{{- define "shipshape.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "shipshape.labels" -}}
{{ include "shipshape.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end }}

{{/* The image by digest when one is given, else by tag (the chart's appVersion by default). */}}
{{- define "shipshape.image" -}}
{{- if .Values.image.digest }}{{ .Values.image.repository }}@{{ .Values.image.digest }}{{ else }}{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}{{ end }}
{{- end }}

{{/* Refusals Helm's schema cannot state across keys. */}}
{{- define "shipshape.validate" -}}
{{- if and (eq .Values.queue.kind "sqlite") (gt (int .Values.replicaCount) 1) }}
{{- fail "queue.kind sqlite keeps the queue in one replica's file: set replicaCount to 1, or queue.kind to postgres for several replicas" }}
{{- end }}
{{- if not (or .Values.forges.github.enabled .Values.forges.gitea.enabled .Values.forges.gitlab.enabled) }}
{{- fail "enable at least one of forges.github, forges.gitea, forges.gitlab" }}
{{- end }}
{{- end }}
