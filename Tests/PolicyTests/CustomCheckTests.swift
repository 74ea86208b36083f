import Foundation
import Manifests
import Policy
import Testing

/// Custom checks in a configuration file, end to end through the engine: targets, controllers and
/// containers filters, templates, additional schemas, severities, exemptions, and the mistakes a
/// file can make (each with its line).
@Suite struct CustomCheckTests {
    static let workload = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          labels: {app: web}
          annotations: ANNOTATIONS
        spec:
          template:
            metadata:
              labels: {app: web}
            spec:
              initContainers:
                - name: setup
                  image: quay.io/setup:1
              containers:
                - name: app
                  image: quay.io/app:1
                  resources:
                    limits: {memory: 64Mi}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: once, namespace: shop}
        spec:
          template:
            spec:
              containers:
                - name: job
                  image: quay.io/job:1
        """

    func findings(_ config: String, annotations: String = "{}", files: [(String, String)] = []) throws -> [Finding] {
        let configuration = try ConfigurationReader.read(text: config, file: "custom.yaml", knownChecks: Catalogue.ids)
        let text = Self.workload.replacingOccurrences(of: "ANNOTATIONS", with: annotations)
        return try TestEngine.make(configuration: configuration).run(files: [("apps/web.yaml", text)] + files).findings
            .filter { !Catalogue.ids.contains($0.checkID) }
    }

    static let registry = """
        checks: {imageRegistry: danger}
        customChecks:
          imageRegistry:
            failureMessage: Image should not be from quay.io
            category: Security
            target: Container
            CONTAINERS
            schema:
              properties:
                image:
                  not: {pattern: ^quay.io}
        """

    @Test func aContainerCheckFindsEachContainerOnItsImageLine() throws {
        let found = try findings(Self.registry.replacingOccurrences(of: "CONTAINERS", with: ""))
        #expect(found.map(\.position.line) == [15, 18, 30])
        #expect(found.map(\.container) == ["setup", "app", "job"])
        #expect(found.allSatisfy { $0.severity == .danger && $0.category == .security })
        #expect(found[0].message.hasPrefix("Image should not be from quay.io: image:"))
        #expect(found[1].path.description == "spec.template.spec.containers[0].image")
    }

    @Test func containersAndControllersNarrowTheCheck() throws {
        let withoutInit = Self.registry.replacingOccurrences(
            of: "CONTAINERS", with: "containers: {exclude: [initContainer]}\n    controllers: {exclude: [Job]}")
        #expect(try findings(withoutInit).map(\.container) == ["app"])
        let onlyJobs = Self.registry.replacingOccurrences(of: "CONTAINERS", with: "controllers: {include: [Job]}")
        #expect(try findings(onlyJobs).map(\.container) == ["job"])
    }

    @Test func exemptionsAndAnnotationsApplyAsToBuiltInChecks() throws {
        let config =
            Self.registry.replacingOccurrences(of: "CONTAINERS", with: "")
            + "\nexemptions:\n  - controllerNames: [once]\n    rules: [imageRegistry]\n"
        #expect(try findings(config).map(\.container) == ["setup", "app"])
        let annotated = try findings(config, annotations: "{polaris.fairwinds.com/imageRegistry-exempt: \"true\"}")
        #expect(
            annotated.map(\.container) == [], "the Deployment is exempt by annotation, the Job by the configuration")
    }

    @Test func withoutASeverityTheCheckIsNotRunAndANoteSaysSo() throws {
        let config = Self.registry.replacingOccurrences(of: "checks: {imageRegistry: danger}", with: "")
            .replacingOccurrences(of: "CONTAINERS", with: "")
        let configuration = try ConfigurationReader.read(text: config, file: "custom.yaml", knownChecks: Catalogue.ids)
        #expect(configuration.notes.contains { $0.contains("`imageRegistry` has no severity") })
        #expect(try findings(config).isEmpty)
    }

    @Test func resourceBoundsLandOnTheValue() throws {
        let config = """
            checks: {resourceLimits: warning}
            customChecks:
              resourceLimits:
                failureMessage: Memory limits should be between 100M and 6G
                target: Container
                containers: {exclude: [initContainer]}
                controllers: {include: [Deployment]}
                schema:
                  required: [resources]
                  properties:
                    resources:
                      properties:
                        limits:
                          required: [memory]
                          properties:
                            memory: {type: string, resourceMinimum: 100M, resourceMaximum: 6G}
            """
        let found = try findings(config)
        #expect(found.map(\.position.line) == [20])
        #expect(found.first?.message.contains("must be at least 100M, not 64Mi") == true)
    }

    @Test func templatesAndAdditionalSchemasLookAtOtherObjectsOfTheNamespace() throws {
        let config = """
            checks: {hasBudget: warning}
            customChecks:
              hasBudget:
                failureMessage: Should have a PodDisruptionBudget
                target: Controller
                controllers: {include: [Deployment]}
                schema: {}
                additionalSchemaStrings:
                  policy/PodDisruptionBudget: |
                    properties:
                      spec:
                        required: [selector]
                        properties:
                          selector:
                            properties:
                              matchLabels:
                                anyOf:
                                {{ range $key, $value := .spec.template.metadata.labels }}
                                - properties: {"{{ $key }}": {const: "{{ $value }}"}}
                                  required: ["{{ $key }}"]
                                {{ end }}
            """
        let budget = { (namespace: String, app: String) in
            "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: b, namespace: \(namespace)}\nspec:\n  selector:\n    matchLabels: {app: \(app)}\n"
        }
        let missing = try findings(config)
        #expect(missing.map(\.position.line) == [2], "on the object's kind line")
        #expect(missing.first?.message.contains("there is no policy/PodDisruptionBudget in its namespace") == true)
        #expect(try findings(config, files: [("apps/pdb.yaml", budget("shop", "web"))]).isEmpty)
        #expect(try findings(config, files: [("apps/pdb.yaml", budget("shop", "other"))]).count == 1)
        #expect(try findings(config, files: [("apps/pdb.yaml", budget("elsewhere", "web"))]).count == 1)
    }

    /// Context objects are kept only as the facts the built-in checks read (`ContextRetention`);
    /// a custom check's additional schema may read any other field of them, so with one the
    /// objects are kept whole (a PodDisruptionBudget's `maxUnavailable` is not among the facts).
    @Test func anAdditionalSchemaReadsFieldsTheBuiltInChecksDoNot() throws {
        let config = """
            checks: {budgetWithMaxUnavailable: warning}
            customChecks:
              budgetWithMaxUnavailable:
                failureMessage: Give the app a PodDisruptionBudget with maxUnavailable
                target: Controller
                controllers: {include: [Deployment]}
                schema: {}
                additionalSchemaStrings:
                  policy/PodDisruptionBudget: |
                    properties:
                      spec:
                        required: [maxUnavailable]
            """
        let budget = { (field: String) in
            "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: b, namespace: shop}\nspec:\n  \(field)\n  selector:\n    matchLabels: {app: web}\n"
        }
        #expect(try findings(config, files: [("apps/pdb.yaml", budget("maxUnavailable: 1"))]).isEmpty)
        #expect(try findings(config, files: [("apps/pdb.yaml", budget("minAvailable: 1"))]).count == 1)
    }

    @Test func aControllerWithoutAPodTemplateIsStillAController() throws {
        let config = """
            checks: {replicas: warning}
            customChecks:
              replicas:
                failureMessage: Run two replicas
                target: Controller
                schema: {required: [spec], properties: {spec: {required: [replicas]}}}
            """
        let patch =
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  strategy: {type: Recreate}\n"
        let found = try findings(config, files: [("apps/patch.yaml", patch)]).filter { $0.file == "apps/patch.yaml" }
        #expect(found.map(\.position.line) == [5])
    }

    @Test func aQuantityWrittenAsANumberIsAStringAsKubernetesReadsIt() throws {
        let config = """
            checks: {cpuSet: warning}
            customChecks:
              cpuSet:
                failureMessage: Set a CPU limit
                target: Container
                schema: {properties: {resources: {properties: {limits: {required: [cpu], properties: {cpu: {type: string, not: {const: ""}}}}}}}}
            """
        let pod =
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      resources: {limits: {cpu: 1}}\n    - name: b\n      resources: {limits: {cpu: [1]}}\n"
        let found = try findings(config, files: [("apps/pod.yaml", pod)]).filter { $0.file == "apps/pod.yaml" }
        #expect(found.map(\.container) == ["b"])
        #expect(found.first?.position.line == 9)
    }

    /// Go's `omitempty`: Polaris validates the pod spec and containers after encoding Kubernetes'
    /// structs, so an empty string, `false` or an empty list in a field that omits its zero value
    /// is absent (Polaris' `priorityClassNotSet` fails `priorityClassName: ""`; found in the corpus).
    @Test func aZeroValueThatGoOmitsIsAbsent() throws {
        let config = """
            checks: {priority: warning, pulls: warning, name: warning}
            customChecks:
              priority:
                failureMessage: Set a priority class
                target: PodSpec
                schema: {required: [priorityClassName, hostNetwork]}
              pulls:
                failureMessage: Set the pull policy
                target: Container
                schema: {required: [imagePullPolicy, env]}
              name:
                failureMessage: Keep the name and the pointer fields
                target: Container
                schema: {required: [name, securityContext], properties: {securityContext: {required: [privileged]}}}
            """
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              priorityClassName: ""
              hostNetwork: false
              containers:
                - name: a
                  imagePullPolicy: ""
                  env: []
                  securityContext: {privileged: false}
            """
        let found = try findings(config, files: [("apps/pod.yaml", pod)]).filter { $0.file == "apps/pod.yaml" }
        #expect(found.map(\.checkID).sorted() == ["priority", "pulls"])
    }

    @Test func aCustomCheckWithABuiltInIdReplacesTheBuiltIn() throws {
        let config = """
            checks: {tagNotSpecified: warning}
            customChecks:
              tagNotSpecified:
                failureMessage: Image must come from our registry
                target: Container
                schema: {properties: {image: {pattern: ^registry.example.com/}}}
            """
        let configuration = try ConfigurationReader.read(text: config, file: "custom.yaml", knownChecks: Catalogue.ids)
        let found = try TestEngine.make(configuration: configuration).run(files: [("apps/web.yaml", Self.workload)])
            .findings
            .filter { $0.checkID == "tagNotSpecified" }
        #expect(found.count == 3 && found.allSatisfy { $0.message.hasPrefix("Image must come from our registry") })
    }

    @Test(arguments: [
        ("customChecks:\n  a:\n    schema: {}\n", 3, "needs a `target`"),
        ("customChecks:\n  a:\n    target: Container\n", 3, "exactly one of `schema` and `schemaString`"),
        ("customChecks:\n  a:\n    target: Container\n    schema: {}\n    schemaString: '{}'\n", 5, "exactly one of"),
        (
            "customChecks:\n  a:\n    target: Container\n    schema:\n      properties:\n        x: {type: thing}\n", 6,
            "unknown type `thing`"
        ),
        (
            "customChecks:\n  a:\n    target: Container\n    schemaString: |\n      type: object\n      properties:\n        x: {pattern: '(oops'}\n",
            7, "not a regular expression"
        ),
        (
            "customChecks:\n  a:\n    target: Container\n    schemaString: |\n      type: object\n      {{ with .x }}\n      {{ end }}\n",
            6, "`with` is not supported"
        ),
        ("customChecks:\n  a:\n    target: Container\n    schema: {}\n    colour: blue\n", 5, "unknown field `colour`"),
        (
            "customChecks:\n  a:\n    target: Container\n    schema: {}\n    containers: {exclude: [sidecar]}\n", 5,
            "initContainer or container"
        ),
    ])
    func mistakesAreErrorsWithTheirLine(config: String, line: Int, message: String) {
        do {
            _ = try ConfigurationReader.read(text: config, file: "custom.yaml", knownChecks: Catalogue.ids)
            Issue.record("read a configuration with a mistake")
        } catch {
            #expect(error.problems.contains { $0.position?.line == line && $0.message.contains(message) }, "\(error)")
        }
    }

    @Test func aTemplateThatRendersAnInvalidSchemaIsAFindingNotAPass() throws {
        let config = """
            checks: {broken: warning}
            customChecks:
              broken:
                failureMessage: Broken
                target: Controller
                schemaString: |
                  type: {{ .metadata.name }}
            """
        let found = try findings(config)
        #expect(found.count == 2)
        #expect(found.first?.message.contains("as templated for this object, is not valid") == true)
    }

    /// `index` with a number past any list is no value; a huge one trapped converting to `Int`.
    @Test func anIndexFarPastTheListIsNoValueNotACrash() throws {
        let config = """
            checks: {far: warning}
            customChecks:
              far:
                failureMessage: Far
                target: Controller
                schemaString: |
                  type: object
                  {{ if index .spec.template.spec.containers 1e300 }}required: [never]{{ end }}
            """
        #expect(try findings(config).isEmpty)
    }
}
