{{/*
Expand the name of the chart.
*/}}
{{- define "mapping.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name.
*/}}
{{- define "mapping.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "mapping.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "mapping.selectorLabels" -}}
app.kubernetes.io/name: {{ include "mapping.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Used everywhere, so it carries no @L tag (an id must appear once). */}}
{{- define "mapping.labels" -}}
helm.sh/chart: {{ include "mapping.chart" . }}
{{ include "mapping.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Pod labels of the api Deployment: an include of an include, used exactly once.
*/}}
{{- define "mapping.apiPodLabels" -}}
{{ include "mapping.selectorLabels" . }}
app.kubernetes.io/component: api # @L:helper-api-pod-labels
{{- end }}

{{/*
Volume claim template of the database StatefulSet, used exactly once.
*/}}
{{- define "mapping.dbClaim" -}}
- metadata:
    name: data
  spec:
    accessModes: ["ReadWriteOnce"]
    resources:
      requests:
        storage: {{ .Values.db.storage }} # @L:helper-db-claim
{{- end }}

{{/*
Container of a worker; called with a dict holding the root context and the worker.
*/}}
{{- define "mapping.workerContainer" -}}
- name: {{ .worker.name }}
  image: "{{ .root.Values.image.repository }}:{{ .root.Values.image.tag | default .root.Chart.AppVersion }}"
  args: ["worker", "--queue", {{ .worker.queue | quote }}]
{{- end }}
