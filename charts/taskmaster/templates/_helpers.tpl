{{/*
Chart name, overridable with nameOverride. Kubernetes names are limited to 63
characters (DNS-1123 labels), hence the truncation here and below.
*/}}
{{- define "taskmaster.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified release name: <release>-<chart>, or just <release> when the
release name already contains the chart name.
*/}}
{{- define "taskmaster.fullname" -}}
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

{{/*
Name of one component's objects: <fullname>-<component>.
Usage: include "taskmaster.componentName" (dict "context" $ "component" "backend")
*/}}
{{- define "taskmaster.componentName" -}}
{{- printf "%s-%s" (include "taskmaster.fullname" .context) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "taskmaster.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels every object and pod template carries: the recommended
app.kubernetes.io/* labels.
Usage: include "taskmaster.labels" (dict "context" $ "component" "backend")
*/}}
{{- define "taskmaster.labels" -}}
helm.sh/chart: {{ include "taskmaster.chart" .context }}
{{ include "taskmaster.selectorLabels" . }}
app.kubernetes.io/version: {{ .context.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: {{ include "taskmaster.name" .context }}
app.kubernetes.io/managed-by: {{ .context.Release.Service }}
{{- end }}

{{/*
Selector labels: the subset of the labels that never changes over the life of
a release (a Deployment's selector is immutable).
Usage: include "taskmaster.selectorLabels" (dict "context" $ "component" "backend")
*/}}
{{- define "taskmaster.selectorLabels" -}}
app.kubernetes.io/name: {{ include "taskmaster.name" .context }}
app.kubernetes.io/instance: {{ .context.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
Name of the ServiceAccount the pods run as.
*/}}
{{- define "taskmaster.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "taskmaster.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Full image reference: [registry/]repository:tag. The image's own registry wins
over global.imageRegistry; the tag defaults to the chart's appVersion.
Usage: include "taskmaster.image" (dict "context" $ "image" .Values.backend.image)
*/}}
{{- define "taskmaster.image" -}}
{{- $registry := default .context.Values.global.imageRegistry .image.registry | trimSuffix "/" }}
{{- $tag := default .context.Chart.AppVersion .image.tag | toString }}
{{- if $registry }}
{{- printf "%s/%s:%s" $registry .image.repository $tag }}
{{- else }}
{{- printf "%s:%s" .image.repository $tag }}
{{- end }}
{{- end }}

{{/*
Name of the ConfigMap holding the non-secret settings.
*/}}
{{- define "taskmaster.configMapName" -}}
{{- include "taskmaster.componentName" (dict "context" . "component" "config") }}
{{- end }}

{{/*
Name of the Secret holding DATABASE_URL, OPENAI_API_KEY and BETTER_AUTH_SECRET:
the user's existing Secret, or the one this chart creates.
*/}}
{{- define "taskmaster.secretName" -}}
{{- if .Values.secrets.existingSecret }}
{{- .Values.secrets.existingSecret }}
{{- else }}
{{- include "taskmaster.componentName" (dict "context" . "component" "secrets") }}
{{- end }}
{{- end }}

{{/*
Name of the in-cluster Postgres StatefulSet, Service and Secret.
*/}}
{{- define "taskmaster.postgresql.fullname" -}}
{{- include "taskmaster.componentName" (dict "context" . "component" "postgresql") }}
{{- end }}

{{/*
DATABASE_URL for the in-cluster Postgres. urlquery escapes the password for the
userinfo part; it writes a space as "+", which is restored to "%20" (a literal
"+" was already escaped to "%2B").
*/}}
{{- define "taskmaster.postgresql.databaseUrl" -}}
{{- $auth := .Values.postgresql.auth }}
{{- $password := required "postgresql.auth.password is required when postgresql.enabled is true" $auth.password | urlquery | replace "+" "%20" }}
{{- printf "postgresql://%s:%s@%s:%v/%s" (urlquery $auth.username) $password (include "taskmaster.postgresql.fullname" .) .Values.postgresql.service.port (urlquery $auth.database) }}
{{- end }}

{{/*
URL where users reach the frontend; see config.publicUrl in values.yaml.
*/}}
{{- define "taskmaster.publicUrl" -}}
{{- if .Values.config.publicUrl }}
{{- .Values.config.publicUrl | trimSuffix "/" }}
{{- else if .Values.ingress.enabled }}
{{- printf "%s://%s" (ternary "https" "http" .Values.ingress.tls.enabled) .Values.ingress.host }}
{{- else }}
{{- printf "http://localhost:%v" .Values.frontend.service.port }}
{{- end }}
{{- end }}

{{/*
URL of the backend that the frontend's server side calls; see config.apiUrl.
*/}}
{{- define "taskmaster.apiUrl" -}}
{{- if .Values.config.apiUrl }}
{{- .Values.config.apiUrl | trimSuffix "/" }}
{{- else }}
{{- printf "http://%s:%v" (include "taskmaster.componentName" (dict "context" . "component" "backend")) .Values.backend.service.port }}
{{- end }}
{{- end }}
