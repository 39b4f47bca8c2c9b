// Writes a deterministic stream of Kubernetes manifests shaped like the output
// of `helm template` on many real charts: `# Source:` headers, Deployments and
// StatefulSets with several containers, env, probes, resources and volumes,
// CronJobs, Services, ConfigMaps with block scalars, Secrets, Ingresses, HPAs.
// About one workload in eight carries a problem a linter should report
// (missing probe or resources, a literal secret in env or a ConfigMap, the
// default namespace), so the benchmark measures reporting too. Objects are
// in the namespace `apps` (lint with `-n apps`) unless they hard-code another.
//
//   generate_manifests [--mb N] [--seed S] [OUTPUT]     (stdout without OUTPUT)
//
// The same N and S always give the same bytes.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace {

// splitmix64: tiny, fast and identical on every platform, unlike <random>'s
// distributions.
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t next() {
    uint64_t z = (s_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  int range(int lo, int hi) { return lo + static_cast<int>(next() % uint64_t(hi - lo + 1)); }
  bool chance(int percent) { return range(1, 100) <= percent; }
  template <size_t N>
  const char* pick(const char* const (&items)[N]) {
    return items[next() % N];
  }
  std::string hex(int n) {
    static const char digits[] = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < n; ++i) s += digits[next() % 16];
    return s;
  }
  std::string alnum(int n) {
    static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    std::string s;
    for (int i = 0; i < n; ++i) s += chars[next() % (sizeof(chars) - 1)];
    return s;
  }
  std::string base64(int n) {
    static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string s;
    // Whole 4-character groups: valid base64 without padding.
    for (int i = 0; i < (n + 3) / 4 * 4; ++i) s += chars[next() % 64];
    return s;
  }

 private:
  uint64_t s_;
};

const char* const kApps[] = {"api",     "web",      "worker",  "gateway", "auth",   "billing",
                             "search",  "indexer",  "mailer",  "cache",   "queue",  "scheduler",
                             "metrics", "frontend", "backend", "ingest",  "report", "notifier"};
const char* const kTeams[] = {"payments", "platform", "growth", "data", "identity", "core"};
const char* const kRegistries[] = {"ghcr.io/example", "docker.io/library", "quay.io/acme",
                                   "registry.k8s.io",
                                   "123456789012.dkr.ecr.eu-west-1.amazonaws.com"};
const char* const kSidecars[] = {"envoy", "fluent-bit", "oauth2-proxy", "statsd-exporter",
                                 "cloud-sql-proxy"};
const char* const kLogLevels[] = {"debug", "info", "warn", "error"};
const char* const kEnvNames[] = {"LOG_LEVEL",     "HTTP_PORT",     "GRPC_PORT",    "DB_HOST",
                                 "DB_PORT",       "DB_NAME",       "REDIS_URL",    "FEATURE_FLAGS",
                                 "OTEL_ENDPOINT", "WORKERS",       "TIMEOUT_MS",   "REGION",
                                 "CACHE_TTL",     "MAX_BODY_SIZE", "TRACE_SAMPLE", "TZ"};

class Writer {
 public:
  explicit Writer(std::FILE* out) : out_(out) { buf_.reserve(1 << 20); }
  ~Writer() { flush(); }
  void line(int indent, std::string_view text) {
    buf_.append(static_cast<size_t>(indent), ' ');
    buf_.append(text);
    buf_ += '\n';
    if (buf_.size() >= (1 << 20)) flush();
  }
  void flush() {
    if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), out_) != buf_.size()) {
      std::perror("generate_manifests: write");
      std::exit(1);
    }
    written_ += buf_.size();
    buf_.clear();
  }
  uint64_t bytes() const { return written_ + buf_.size(); }

 private:
  std::FILE* out_;
  std::string buf_;
  uint64_t written_ = 0;
};

std::string s(std::string_view a) {
  return std::string(a);
}

// One "release" of one chart: a few related objects named after it.
class Release {
 public:
  Release(Writer& w, Rng& r, int index) : w_(w), r_(r) {
    app_ = s(r.pick(kApps));
    name_ = "rel" + std::to_string(index) + "-" + app_;
    chart_ = app_ + "-" + std::to_string(r.range(0, 3)) + "." + std::to_string(r.range(0, 20)) +
             "." + std::to_string(r.range(0, 9));
    // Rendered for `-n apps`; a few releases hard-code another namespace.
    int where = r.range(1, 100);
    ns_ = where <= 3 ? "default" : where <= 5 ? s(r.pick(kTeams)) : "apps";
    faulty_ = r.chance(12);
  }

  void write() {
    serviceAccount();
    configMap();
    secret();
    int kind = r_.range(1, 100);
    if (kind <= 70)
      deployment();
    else if (kind <= 85)
      statefulSet();
    else
      deployment(), cronJob();
    service();
    if (r_.chance(40)) ingress();
    if (r_.chance(30)) hpa();
    if (r_.chance(25)) pdb();
  }

 private:
  void header(const char* file) {
    w_.line(0, "---");
    w_.line(0, "# Source: " + chart_ + "/templates/" + file);
  }

  void metadata(int indent, const std::string& name, bool with_namespace = true) {
    w_.line(indent, "metadata:");
    w_.line(indent + 2, "name: " + name);
    if (with_namespace) w_.line(indent + 2, "namespace: " + ns_);
    labels(indent + 2, true);
  }

  void labels(int indent, bool full, const char* key = "labels") {
    w_.line(indent, std::string(key) + ":");
    if (full) w_.line(indent + 2, "helm.sh/chart: " + chart_);
    w_.line(indent + 2, "app.kubernetes.io/name: " + app_);
    w_.line(indent + 2, "app.kubernetes.io/instance: " + name_);
    if (full) {
      w_.line(indent + 2, "app.kubernetes.io/version: \"" + std::to_string(r_.range(1, 9)) + "." +
                              std::to_string(r_.range(0, 30)) + ".0\"");
      w_.line(indent + 2, "app.kubernetes.io/managed-by: Helm");
      w_.line(indent + 2, std::string("team: ") + r_.pick(kTeams));
    }
  }

  void serviceAccount() {
    header("serviceaccount.yaml");
    w_.line(0, "apiVersion: v1");
    w_.line(0, "kind: ServiceAccount");
    metadata(0, name_);
    if (r_.chance(30)) {
      w_.line(2, "annotations:");
      w_.line(4, "eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/" + name_);
    }
    w_.line(0, "automountServiceAccountToken: " + s(r_.chance(50) ? "false" : "true"));
  }

  void configMap() {
    header("configmap.yaml");
    w_.line(0, "apiVersion: v1");
    w_.line(0, "kind: ConfigMap");
    metadata(0, name_ + "-config");
    w_.line(0, "data:");
    w_.line(2, "LOG_LEVEL: " + s(r_.pick(kLogLevels)));
    w_.line(2, "WORKERS: \"" + std::to_string(r_.range(1, 16)) + "\"");
    w_.line(2, "ENABLE_METRICS: \"true\"");
    w_.line(2, "DB_HOST: postgres." + ns_ + ".svc.cluster.local");
    if (faulty_ && r_.chance(40)) w_.line(2, "DB_PASSWORD: hunter2-" + r_.alnum(10));
    w_.line(2, "application.yaml: |");
    w_.line(4, "server:");
    w_.line(6, "port: 8080");
    w_.line(6, "shutdownTimeout: 30s");
    w_.line(4, "database:");
    w_.line(6, "host: postgres." + ns_ + ".svc.cluster.local");
    w_.line(6, "pool:");
    w_.line(8, "min: " + std::to_string(r_.range(1, 4)));
    w_.line(8, "max: " + std::to_string(r_.range(8, 64)));
    w_.line(4, "features:");
    for (int i = 0, n = r_.range(3, 10); i < n; ++i)
      w_.line(6, "- flag-" + r_.alnum(6) + ": " + (r_.chance(50) ? "true" : "false"));
    if (r_.chance(50)) {
      w_.line(2, "nginx.conf: |-");
      w_.line(4, "worker_processes auto;");
      w_.line(4, "events { worker_connections 1024; }");
      w_.line(4, "http {");
      w_.line(6, "server {");
      w_.line(8, "listen 8081;");
      for (int i = 0, n = r_.range(2, 8); i < n; ++i) {
        w_.line(8, "location /" + r_.alnum(5) + " {");
        w_.line(10, "proxy_pass http://127.0.0.1:8080;");
        w_.line(10, "proxy_set_header Host $host;");
        w_.line(8, "}");
      }
      w_.line(6, "}");
      w_.line(4, "}");
    }
    if (r_.chance(40)) {
      w_.line(2, "dashboard.json: |");
      w_.line(4, "{");
      w_.line(6, "\"title\": \"" + name_ + "\",");
      w_.line(6, "\"panels\": [");
      for (int i = 0, n = r_.range(2, 6); i < n; ++i)
        w_.line(8, "{\"id\": " + std::to_string(i) +
                       ", \"type\": \"graph\", \"expr\": " + "\"rate(http_requests_total{app=\\\"" +
                       app_ + "\\\"}[5m])\"}" + (i + 1 < n ? "," : ""));
      w_.line(6, "]");
      w_.line(4, "}");
    }
    if (r_.chance(30)) {
      w_.line(2, "motd: >");
      w_.line(4, "This service is managed by Helm. Changes made by hand are");
      w_.line(4, "overwritten by the next upgrade of release " + name_ + ".");
    }
  }

  void secret() {
    header("secret.yaml");
    w_.line(0, "apiVersion: v1");
    w_.line(0, "kind: Secret");
    metadata(0, name_ + "-secret");
    w_.line(0, "type: Opaque");
    w_.line(0, "data:");
    w_.line(2, "db-password: " + r_.base64(22));
    w_.line(2, "api-key: " + r_.base64(42));
    if (r_.chance(40)) w_.line(2, "tls.key: " + r_.base64(120));
    if (r_.chance(30)) {
      w_.line(0, "stringData:");
      w_.line(2, "SMTP_USER: mailer@example.com");
    }
  }

  void probe(int indent, const char* name, int port) {
    w_.line(indent, s(name) + ":");
    if (r_.chance(80)) {
      w_.line(indent + 2, "httpGet:");
      w_.line(indent + 4, s("path: ") + (r_.chance(50) ? "/healthz" : "/ready"));
      w_.line(indent + 4, "port: " + std::to_string(port));
      w_.line(indent + 4, "scheme: HTTP");
    } else {
      w_.line(indent + 2, "tcpSocket:");
      w_.line(indent + 4, "port: " + std::to_string(port));
    }
    w_.line(indent + 2, "initialDelaySeconds: " + std::to_string(r_.range(0, 30)));
    w_.line(indent + 2, "periodSeconds: " + std::to_string(r_.range(5, 20)));
    w_.line(indent + 2, "timeoutSeconds: " + std::to_string(r_.range(1, 5)));
    w_.line(indent + 2, "failureThreshold: " + std::to_string(r_.range(3, 6)));
  }

  void resources(int indent) {
    w_.line(indent, "resources:");
    w_.line(indent + 2, "requests:");
    w_.line(indent + 4, "cpu: " + std::to_string(r_.range(1, 20) * 50) + "m");
    w_.line(indent + 4, "memory: " + std::to_string(r_.range(1, 16) * 64) + "Mi");
    w_.line(indent + 2, "limits:");
    if (r_.chance(70)) w_.line(indent + 4, "cpu: \"" + std::to_string(r_.range(1, 4)) + "\"");
    w_.line(indent + 4, "memory: " + std::to_string(r_.range(1, 8)) + "Gi");
  }

  // A value like the ones charts put in env, for kEnvNames[i].
  std::string envValue(int i) {
    switch (i) {
      case 0:
        return r_.pick(kLogLevels);
      case 1:
        return "8080";
      case 2:
        return "9000";
      case 3:
        return "postgres." + ns_ + ".svc.cluster.local";
      case 4:
        return "5432";
      case 5:
        return app_;
      case 6:
        return "redis://redis-master." + ns_ + ":6379/" + std::to_string(r_.range(0, 15));
      case 7:
        return "new-checkout,beta-search,flag-" + r_.alnum(6);
      case 8:
        return "http://otel-collector.monitoring:4317";
      case 9:
        return std::to_string(r_.range(1, 16));
      case 10:
        return std::to_string(r_.range(1, 60) * 1000);
      case 11:
        return r_.chance(50) ? "eu-west-1" : "us-east-2";
      case 12:
        return std::to_string(r_.range(1, 60) * 60);
      case 13:
        return std::to_string(r_.range(1, 64)) + "m";
      case 14:
        return "0." + std::to_string(r_.range(1, 9));
      default:
        return "UTC";
    }
  }

  void container(int indent, const std::string& name, bool main, bool init) {
    int port = main ? 8080 : r_.range(9000, 9999);
    // A faulty release breaks one thing in its main container.
    int fault = faulty_ && main ? r_.range(1, 4) : 0;
    w_.line(indent, "- name: " + name);
    w_.line(indent + 2, s("image: \"") + r_.pick(kRegistries) + "/" + name + ":" +
                            std::to_string(r_.range(1, 5)) + "." + std::to_string(r_.range(0, 40)) +
                            "." + std::to_string(r_.range(0, 9)) + "\"");
    w_.line(indent + 2, s("imagePullPolicy: ") + (r_.chance(70) ? "IfNotPresent" : "Always"));
    if (r_.chance(60)) {
      w_.line(indent + 2, "args:");
      w_.line(indent + 4, "- --config=/etc/" + app_ + "/application.yaml");
      w_.line(indent + 4, "- --port=" + std::to_string(port));
      if (r_.chance(50)) w_.line(indent + 4, s("- --log-level=") + r_.pick(kLogLevels));
    }
    if (!init) {
      w_.line(indent + 2, "ports:");
      w_.line(indent + 4, "- name: http");
      w_.line(indent + 6, "containerPort: " + std::to_string(port));
      w_.line(indent + 6, "protocol: TCP");
      if (main && r_.chance(50)) {
        w_.line(indent + 4, "- name: metrics");
        w_.line(indent + 6, "containerPort: 9090");
        w_.line(indent + 6, "protocol: TCP");
      }
    }
    w_.line(indent + 2, "env:");
    for (int i = 0, n = main ? r_.range(6, 16) : r_.range(1, 5); i < n; ++i) {
      w_.line(indent + 4, s("- name: ") + kEnvNames[i]);
      int how = r_.range(1, 10);
      if (how <= 6) {
        w_.line(indent + 6, "value: \"" + envValue(i) + "\"");
      } else if (how <= 8) {
        w_.line(indent + 6, "valueFrom:");
        w_.line(indent + 8, "configMapKeyRef:");
        w_.line(indent + 10, "name: " + name_ + "-config");
        w_.line(indent + 10, "key: WORKERS");
      } else {
        w_.line(indent + 6, "valueFrom:");
        w_.line(indent + 8, "fieldRef:");
        w_.line(indent + 10, "fieldPath: metadata.namespace");
      }
    }
    w_.line(indent + 4, "- name: DB_PASSWORD");
    w_.line(indent + 6, "valueFrom:");
    w_.line(indent + 8, "secretKeyRef:");
    w_.line(indent + 10, "name: " + name_ + "-secret");
    w_.line(indent + 10, "key: db-password");
    if (fault == 1) {
      w_.line(indent + 4, "- name: API_TOKEN");
      w_.line(indent + 6, "value: \"sk-proj-" + r_.alnum(40) + "\"");
    }
    if (main) {
      w_.line(indent + 2, "envFrom:");
      w_.line(indent + 4, "- configMapRef:");
      w_.line(indent + 8, "name: " + name_ + "-config");
    }
    if (!init) {
      if (fault != 2) probe(indent + 2, "livenessProbe", port);
      probe(indent + 2, "readinessProbe", port);
      if (main && r_.chance(30)) probe(indent + 2, "startupProbe", port);
    }
    if (fault != 3) resources(indent + 2);
    w_.line(indent + 2, "securityContext:");
    w_.line(indent + 4, "allowPrivilegeEscalation: false");
    w_.line(indent + 4, s("readOnlyRootFilesystem: ") + (r_.chance(80) ? "true" : "false"));
    w_.line(indent + 4, "runAsNonRoot: true");
    w_.line(indent + 4, "capabilities:");
    w_.line(indent + 6, "drop:");
    w_.line(indent + 8, "- ALL");
    w_.line(indent + 2, "volumeMounts:");
    w_.line(indent + 4, "- name: config");
    w_.line(indent + 6, "mountPath: /etc/" + app_);
    w_.line(indent + 6, "readOnly: true");
    w_.line(indent + 4, "- name: tmp");
    w_.line(indent + 6, "mountPath: /tmp");
  }

  void podSpec(int indent, bool job) {
    w_.line(indent, "spec:");
    int in = indent + 2;
    w_.line(in, "serviceAccountName: " + name_);
    if (job) w_.line(in, "restartPolicy: OnFailure");
    w_.line(in, "securityContext:");
    w_.line(in + 2, "runAsUser: " + std::to_string(r_.range(1000, 65000)));
    w_.line(in + 2, "fsGroup: 2000");
    w_.line(in + 2, "seccompProfile:");
    w_.line(in + 4, "type: RuntimeDefault");
    if (r_.chance(30)) {
      w_.line(in, "initContainers:");
      container(in + 2, "migrate", false, true);
    }
    w_.line(in, "containers:");
    container(in + 2, app_, true, false);
    for (int i = 0, n = job ? 0 : r_.range(1, 3); i < n; ++i)
      container(in + 2, r_.pick(kSidecars), false, false);
    if (r_.chance(50)) {
      w_.line(in, "nodeSelector:");
      w_.line(in + 2, "kubernetes.io/os: linux");
    }
    if (r_.chance(40)) {
      w_.line(in, "tolerations:");
      w_.line(in + 2, "- key: dedicated");
      w_.line(in + 4, "operator: Equal");
      w_.line(in + 4, s("value: ") + r_.pick(kTeams));
      w_.line(in + 4, "effect: NoSchedule");
    }
    if (!job && r_.chance(50)) {
      w_.line(in, "affinity:");
      w_.line(in + 2, "podAntiAffinity:");
      w_.line(in + 4, "preferredDuringSchedulingIgnoredDuringExecution:");
      w_.line(in + 6, "- weight: 100");
      w_.line(in + 8, "podAffinityTerm:");
      w_.line(in + 10, "topologyKey: kubernetes.io/hostname");
      w_.line(in + 10, "labelSelector:");
      labels(in + 12, false, "matchLabels");
    }
    w_.line(in, "volumes:");
    w_.line(in + 2, "- name: config");
    w_.line(in + 4, "configMap:");
    w_.line(in + 6, "name: " + name_ + "-config");
    w_.line(in + 2, "- name: tmp");
    w_.line(in + 4, "emptyDir: {}");
    if (r_.chance(40)) {
      w_.line(in + 2, "- name: certs");
      w_.line(in + 4, "secret:");
      w_.line(in + 6, "secretName: " + name_ + "-secret");
      w_.line(in + 6, "defaultMode: 0400");
    }
  }

  void podTemplate(int indent, bool job) {
    w_.line(indent, "template:");
    w_.line(indent + 2, "metadata:");
    labels(indent + 4, false);
    w_.line(indent + 4, "annotations:");
    w_.line(indent + 6, "checksum/config: " + r_.hex(64));
    if (r_.chance(50)) w_.line(indent + 6, "prometheus.io/scrape: \"true\"");
    podSpec(indent + 2, job);
  }

  void selector(int indent) {
    w_.line(indent, "selector:");
    w_.line(indent + 2, "matchLabels:");
    w_.line(indent + 4, "app.kubernetes.io/name: " + app_);
    w_.line(indent + 4, "app.kubernetes.io/instance: " + name_);
  }

  void deployment() {
    header("deployment.yaml");
    w_.line(0, "apiVersion: apps/v1");
    w_.line(0, "kind: Deployment");
    metadata(0, name_);
    w_.line(0, "spec:");
    w_.line(2, "replicas: " + std::to_string(r_.range(1, 6)));
    w_.line(2, "revisionHistoryLimit: 10");
    selector(2);
    w_.line(2, "strategy:");
    w_.line(4, "type: RollingUpdate");
    w_.line(4, "rollingUpdate:");
    w_.line(6, "maxSurge: 25%");
    w_.line(6, "maxUnavailable: 0");
    podTemplate(2, false);
  }

  void statefulSet() {
    header("statefulset.yaml");
    w_.line(0, "apiVersion: apps/v1");
    w_.line(0, "kind: StatefulSet");
    metadata(0, name_);
    w_.line(0, "spec:");
    w_.line(2, "serviceName: " + name_ + "-headless");
    w_.line(2, "replicas: " + std::to_string(r_.range(1, 5)));
    w_.line(2, "podManagementPolicy: OrderedReady");
    selector(2);
    podTemplate(2, false);
    w_.line(2, "volumeClaimTemplates:");
    w_.line(4, "- metadata:");
    w_.line(8, "name: data");
    w_.line(6, "spec:");
    w_.line(8, "accessModes: [ \"ReadWriteOnce\" ]");
    w_.line(8, "storageClassName: standard");
    w_.line(8, "resources:");
    w_.line(10, "requests:");
    w_.line(12, "storage: " + std::to_string(r_.range(1, 100)) + "Gi");
  }

  void cronJob() {
    header("cronjob.yaml");
    w_.line(0, "apiVersion: batch/v1");
    w_.line(0, "kind: CronJob");
    metadata(0, name_ + "-cleanup");
    w_.line(0, "spec:");
    w_.line(2, "schedule: \"" + std::to_string(r_.range(0, 59)) + " */" +
                   std::to_string(r_.range(1, 12)) + " * * *\"");
    w_.line(2, "concurrencyPolicy: Forbid");
    w_.line(2, "successfulJobsHistoryLimit: 3");
    w_.line(2, "jobTemplate:");
    w_.line(4, "spec:");
    w_.line(6, "backoffLimit: 2");
    w_.line(6, "ttlSecondsAfterFinished: 3600");
    podTemplate(6, true);
  }

  void service() {
    header("service.yaml");
    w_.line(0, "apiVersion: v1");
    w_.line(0, "kind: Service");
    metadata(0, name_);
    if (r_.chance(30)) {
      w_.line(2, "annotations:");
      w_.line(4, "service.beta.kubernetes.io/aws-load-balancer-internal: \"true\"");
    }
    w_.line(0, "spec:");
    w_.line(2, s("type: ") + (r_.chance(80) ? "ClusterIP" : "LoadBalancer"));
    w_.line(2, "ports:");
    w_.line(4, "- port: 80");
    w_.line(6, "targetPort: http");
    w_.line(6, "protocol: TCP");
    w_.line(6, "name: http");
    w_.line(2, "selector:");
    w_.line(4, "app.kubernetes.io/name: " + app_);
    w_.line(4, "app.kubernetes.io/instance: " + name_);
  }

  void ingress() {
    header("ingress.yaml");
    w_.line(0, "apiVersion: networking.k8s.io/v1");
    w_.line(0, "kind: Ingress");
    metadata(0, name_);
    w_.line(2, "annotations:");
    w_.line(4, "cert-manager.io/cluster-issuer: letsencrypt");
    w_.line(4, "nginx.ingress.kubernetes.io/proxy-body-size: 8m");
    w_.line(0, "spec:");
    w_.line(2, "ingressClassName: nginx");
    w_.line(2, "tls:");
    w_.line(4, "- hosts:");
    w_.line(8, "- " + name_ + ".example.com");
    w_.line(6, "secretName: " + name_ + "-tls");
    w_.line(2, "rules:");
    w_.line(4, "- host: " + name_ + ".example.com");
    w_.line(6, "http:");
    w_.line(8, "paths:");
    w_.line(10, "- path: /");
    w_.line(12, "pathType: Prefix");
    w_.line(12, "backend:");
    w_.line(14, "service:");
    w_.line(16, "name: " + name_);
    w_.line(16, "port:");
    w_.line(18, "name: http");
  }

  void hpa() {
    header("hpa.yaml");
    w_.line(0, "apiVersion: autoscaling/v2");
    w_.line(0, "kind: HorizontalPodAutoscaler");
    metadata(0, name_);
    w_.line(0, "spec:");
    w_.line(2, "scaleTargetRef:");
    w_.line(4, "apiVersion: apps/v1");
    w_.line(4, "kind: Deployment");
    w_.line(4, "name: " + name_);
    w_.line(2, "minReplicas: " + std::to_string(r_.range(1, 3)));
    w_.line(2, "maxReplicas: " + std::to_string(r_.range(4, 20)));
    w_.line(2, "metrics:");
    w_.line(4, "- type: Resource");
    w_.line(6, "resource:");
    w_.line(8, "name: cpu");
    w_.line(8, "target:");
    w_.line(10, "type: Utilization");
    w_.line(10, "averageUtilization: " + std::to_string(r_.range(50, 90)));
  }

  void pdb() {
    header("pdb.yaml");
    w_.line(0, "apiVersion: policy/v1");
    w_.line(0, "kind: PodDisruptionBudget");
    metadata(0, name_);
    w_.line(0, "spec:");
    w_.line(2, "minAvailable: 1");
    selector(2);
  }

  Writer& w_;
  Rng& r_;
  std::string app_, name_, chart_, ns_;
  bool faulty_ = false;
};

int usage() {
  std::fprintf(stderr, "usage: generate_manifests [--mb N] [--seed S] [OUTPUT]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  double mb = 20;
  uint64_t seed = 42;
  const char* output = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--mb") == 0 && i + 1 < argc)
      mb = std::atof(argv[++i]);
    else if (std::strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
      seed = std::strtoull(argv[++i], nullptr, 10);
    else if (argv[i][0] == '-' && argv[i][1] != '\0')
      return usage();
    else if (!output)
      output = argv[i];
    else
      return usage();
  }
  if (mb <= 0) return usage();

  std::FILE* out = stdout;
  if (output && !(out = std::fopen(output, "wb"))) {
    std::perror(output);
    return 1;
  }
  Rng rng(seed);
  const uint64_t target = static_cast<uint64_t>(mb * 1024 * 1024);
  int releases = 0;
  uint64_t bytes = 0;
  {
    Writer w(out);
    while (w.bytes() < target) Release(w, rng, releases++).write();
    bytes = w.bytes();
  }
  if (out != stdout && std::fclose(out) != 0) {
    std::perror(output);
    return 1;
  }
  std::fprintf(stderr, "generate_manifests: %d releases, %.1f MiB\n", releases,
               static_cast<double>(bytes) / (1024 * 1024));
  return 0;
}
