/**
 * The built-in patterns on paths taken from real repositories (kubeflow/pipelines, Azure/mlops-v2,
 * feast, MLOpsPython, cookiecutter-data-science, data-on-eks): each maps to what the file is for.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { explainClassification, makeClassifier } from "../../src/evidence/classify.ts";

const classify = makeClassifier([]);

describe("classification of real repositories' files", () => {
  it("maps generated clients, the platform's back end and front end, docs and tests for what they are", () => {
    const cases: [string, string][] = [
      // kubeflow/pipelines: generated stubs, specifications and clients count for no activity ("-")
      ["backend/api/v2beta1/go_client/run.pb.go", "-"],
      ["backend/api/v2beta1/swagger/run.swagger.json", "-"],
      ["backend/api/v2beta1/python_http_client/kfp_server_api/api_client.py", "-"],
      ["backend/api/v1beta1/run.proto", "developer-tooling"],
      ["backend/api/v1beta1/.gitignore", "developer-tooling"],
      ["frontend/src/apis/run/api.ts", "developer-tooling"],
      ["backend/src/apiserver/server/run_server.go", "developer-tooling"],
      ["backend/src/apiserver/server/run_server_test.go", "application-unit-tests"],
      ["frontend/src/pages/RunDetails.tsx", "developer-tooling"],
      ["frontend/src/pages/RunDetails.test.tsx", "application-unit-tests"],
      ["sdk/python/kfp/dsl/pipeline_task.py", "developer-tooling"],
      ["sdk/python/kfp/dsl/pipeline_task_test.py", "application-unit-tests"],
      ["sdk/README.md", "developer-tooling"],
      ["README.md", "system-tech-spec"],
      ["docs/conf.py", "system-tech-spec"],
      ["manifests/kustomize/base/pipeline/ml-pipeline-apiserver-deployment.yaml", "k8s-deployment"],
      [
        "components/google-cloud/google_cloud_pipeline_components/v1/automl/training_job/component.py",
        "ml-pipeline-development",
      ],
      ["backend/Dockerfile", "docker-packaging"],
      [".github/workflows/e2e-test.yml", "ci-cd-pipeline"],
      // Azure/mlops-v2
      [".azuredevops/initialise-project.yml", "ci-cd-pipeline"],
      ["documentation/deployguides/deployguide_ado.md", "system-tech-spec"],
      ["documentation/deployguides/images/ADO-run1.png", "system-tech-spec"],
      ["documentation/architecture/classical.md", "technical-architecture"],
      [".github/ISSUE_TEMPLATE/feature-request.md", "backlog-prioritisation"],
      ["SECURITY.md", "code-hosting-setup"],
      ["OWNERS", "code-review"],
      ["frontend/src/components/__snapshots__/Graph.test.tsx.snap", "application-unit-tests"],
      ["infra/website/blog/2024-01-feast.md", "adoption-evangelism"],
      ["infra/charts/feast/templates/ingress.yaml", "k8s-deployment"],
      ["charts/load_test.sh", "endpoint-testing"],
      // MLOpsPython and others
      [".pipelines/diabetes_regression-ci.yml", "ci-cd-pipeline"],
      ["diabetes_regression/training/train.py", "model-training-code"],
      ["diabetes_regression/scoring/score.py", "model-serving"],
      ["diabetes_regression/evaluate/evaluate_model.py", "model-training-code"],
      ["diabetes_regression/training/test_train.py", "model-unit-tests"],
      // bentoml/BentoML, feast: a library's own code is tooling, whatever ML concern it serves
      ["src/bentoml/_internal/frameworks/easyocr.py", "developer-tooling"],
      ["go/internal/feast/registry/registry.go", "developer-tooling"],
      ["ui/src/pages/features/useLoadFeature.ts", "developer-tooling"],
      ["pdm.lock", "-"],
      ["infra/terraform/main.tf", "infrastructure-as-code"],
      ["{{ cookiecutter.repo_name }}/{{ cookiecutter.module_name }}/dataset.py", "project-templates"],
      ["notebooks/01-exploration.ipynb", "data-exploration"],
    ];
    const wrong = cases
      .map(([path, expected]) => [path, expected, classify(path)?.activity ?? "-"])
      .filter(([, expected, got]) => expected !== got);
    assert.deepEqual(wrong, []);
  });

  it("explains the winning pattern and those it beat, in precedence order", () => {
    const matches = explainClassification(
      [{ activity: "model-serving", patterns: ["services/**"], origin: "model" }],
      "services/api/main.py",
    );
    assert.deepEqual(matches[0], { activity: "model-serving", pattern: "services/**", origin: "model" });
    assert.deepEqual(
      matches.slice(1).map((m) => m.activity),
      ["model-training-code"],
    );
    assert.deepEqual(
      explainClassification([], "docs/conf.py", {}).map((m) => m.pattern),
      ["**/docs/**", "**/*.py"],
    );
  });
});
