/**
 * Built-in path patterns: which files are evidence of which catalog activity. Tuned on real ML and
 * MLOps repositories of different shapes — platforms, libraries, templates, projects — and measured
 * against files of 14 of them labelled by hand (test/evidence/fixtures/labelled-paths.csv and .md;
 * `node --import tsx scripts/path-agreement.ts`). General rules only, never one for a file.
 *
 * Generated and vendored files (src/evidence/file-filter.ts, and what a repository's
 * `.gitattributes` marks `linguist-generated` or `linguist-vendored`) win no built-in pattern: they
 * count for no activity. Otherwise the first activity with a matching pattern wins, so the list
 * runs from the most telling kind of file to the least —
 *   1. the code host's and CI's own files (workflows; pull-request templates and owners are code
 *      review, issue templates backlog, community health files code-hosting set-up);
 *   2. the project's website and blog, project templates, benchmarks and design documents, then
 *      documentation folders;
 *   3. tests, by folder and by name (integration, end-to-end and load tests first; tests of model
 *      code — training, models, scoring, evaluation — are model tests, every other unit test an
 *      application test);
 *   4. the platform's own code by its language (Go, TypeScript/JavaScript, Java, styles, `.proto`),
 *      SDKs and a library's `_internal/` modules;
 *   5. API specifications; infrastructure: containers, Kubernetes/Helm/Kustomize, Terraform/Bicep/
 *      CloudFormation, monitoring;
 *   6. data work (drift, quality, feature store, ETL, pipelines, ingestion, cleansing, features);
 *   7. ML work (notebooks, by their name when it tells; experiment tracking, registry, retraining
 *      triggers, serving, ML pipelines, samples, training);
 *   8. the project's tooling (build files, scripts, a `src/<package>` library's Python);
 *   9. what is left of Python is model training code, course material is team learning, and a
 *      document or an image that no folder above claimed is documentation (so a README documents
 *      its folder: `sdk/README.md` is the SDK's).
 * The model can extend or replace them (`evidence.patterns`); `mlteam evidence --explain <path>`
 * shows the winning pattern and those it beat.
 */
export const BUILTIN_PATTERNS: readonly (readonly [activity: string, patterns: readonly string[]])[] = [
  [
    "ci-cd-pipeline",
    [
      ".github/workflows/**",
      ".github/actions/**",
      ".github/resources/**",
      ".gitlab-ci.yml",
      ".gitlab/ci/**",
      "**/Jenkinsfile*",
      "**/azure-pipelines*.y?(a)ml",
      ".azuredevops/**",
      ".azure-pipelines/**",
      ".pipelines/**",
      ".circleci/**",
      "bitbucket-pipelines.yml",
      ".buildkite/**",
      ".drone.yml",
      ".travis.yml",
      ".prow.yaml",
      "**/cloudbuild*.y?(a)ml",
      "ci/**",
      "**/.ci/**",
      "**/codecov.y?(a)ml",
      "**/.codecov.y?(a)ml",
      // Pipeline definitions kept in a project's own folders (the Azure ML templates' layout).
      "**/devops-pipelines/**",
      "**/github-workflows/**",
    ],
  ],
  [
    "code-review",
    [
      "**/CODEOWNERS",
      "**/OWNERS",
      "**/OWNERS_ALIASES",
      "**/CONTRIBUTING.md",
      ".github/PULL_REQUEST_TEMPLATE*",
      ".github/pull_request_template*",
      ".github/PULL_REQUEST_TEMPLATE/**",
    ],
  ],
  // Issue templates decide what enters the backlog, and how.
  [
    "backlog-prioritisation",
    ["**/ISSUE_TEMPLATE/**", "**/ISSUE_TEMPLATE.md", "**/issue_template.md", ".gitlab/issue_templates/**"],
  ],
  // The code host's settings and the community health files it asks each project for.
  [
    "code-hosting-setup",
    [
      ".github/**",
      ".gitlab/**",
      "**/CODE_OF_CONDUCT.md",
      "**/GOVERNANCE.md",
      "**/SECURITY.md",
      "**/SUPPORT.md",
    ],
  ],
  // A documentation site's pages are documentation; the rest of a website is the project's showcase.
  ["system-tech-spec", ["**/website/**/docs/**"]],
  [
    "adoption-evangelism",
    ["**/blog/**", "**/blogs/**", "**/adopters/**", "**/ADOPTERS.md", "**/showcase/**", "**/website/**"],
  ],
  [
    "project-templates",
    [
      "**/\\{\\{*\\}\\}/**",
      "**/cookiecutter.json",
      "**/ccds*.json",
      "**/project_template/**",
      "**/templates/project/**",
    ],
  ],
  ["scalability-planning", ["**/benchmark*/**", "**/load-testing/**"]],
  [
    "technical-architecture",
    [
      "**/architecture/**",
      "**/design/**",
      "**/proposals/**",
      "**/adr/**",
      "**/adrs/**",
      "**/rfcs/**",
      "**/design-docs/**",
    ],
  ],
  [
    "system-tech-spec",
    [
      "**/docs/**",
      "**/docs[-_]*/**",
      "**/doc/**",
      "**/documentation/**",
      "**/mkdocs.y?(a)ml",
      "**/.readthedocs.y?(a)ml",
      "**/media/**",
    ],
  ],
  [
    "integration-testing",
    [
      "**/integration/**",
      "**/integration[-_]test?(s)/**",
      "**/*[-_]integration[-_]test?(s)/**",
      "**/e2e/**",
      "**/functional/**",
      "**/*e2e*/**",
      "**/*_integration_test.*",
      // "int" for integration, and Maven Failsafe's integration tests.
      "**/*_int_test.*",
      "**/*_int_*_test.go",
      "**/*IT.java",
    ],
  ],
  [
    "endpoint-testing",
    [
      "**/load[-_]test*",
      "**/load[-_]test?(s)/**",
      "**/locustfile.py",
      // Load-testing tools' scenarios.
      "**/k6/**",
      "**/locust/**",
      "**/smoke[-_]test*",
      "**/smoke[-_]test?(s)/**",
    ],
  ],
  // Tests of model code: under its folders, or named after what it does.
  [
    "model-unit-tests",
    [
      "**/{train,training,model,models,scoring,evaluate,evaluation,preprocessing}/**/test?(s)/**",
      "**/{train,training,model,models,scoring,evaluate,evaluation,preprocessing}/**/{test_*,*_test}.py",
      "**/test?(s)/**/test_{train,model,predict,scor,evaluat,preprocess,dataset}*.py",
      "**/{train,model,predict,scor,evaluat,preprocess,dataset}*_test?(s).py",
      "**/test?(s)/**/{train,model,predict,scor,evaluat,preprocess,dataset}*_test?(s).py",
    ],
  ],
  // Every other unit test tests application code: the platform's, its SDK's, a service's.
  [
    "application-unit-tests",
    [
      "**/*_test.go",
      "**/*_fake.go",
      "**/fake_*.go",
      "**/testdata/**",
      "**/*.test.[jt]s?(x)",
      "**/*.spec.[jt]s?(x)",
      "**/__tests__/**",
      "**/__mocks__/**",
      "**/__snapshots__/**",
      "**/*.snap",
      "**/src/test/**",
      "**/*Test.java",
      "**/tests/**",
      "**/test/**",
      "**/test_data/**",
      "**/test_*.py",
      "**/*_test.py",
      "**/conftest.py",
      "**/pytest.ini",
    ],
  ],
  // The platform's own code, by its language: never data or model work, whatever its folder says.
  [
    "developer-tooling",
    [
      "**/sdk/**",
      // A library's private modules (`pkg/_internal/`): never a project's model code.
      "**/_internal/**",
      "**/*.go",
      "**/*.[jt]s?(x)",
      "**/*.{vue,svelte,css,scss,less,html}",
      "**/*.{java,kt,scala}",
      "**/*.proto",
      "**/mock-backend/**",
    ],
  ],
  ["model-api-integration", ["**/*.swagger.json", "**/swagger/**", "**/openapi*.{yaml,yml,json}"]],
  [
    "docker-packaging",
    [
      "**/Dockerfile",
      "**/Dockerfile.*",
      "**/Dockerfile-*",
      "**/*.dockerfile",
      "**/Containerfile",
      "**/.dockerignore",
      "**/docker-compose*.y?(a)ml",
      "**/compose.y?(a)ml",
      "**/docker/**",
      "**/*docker*.sh",
      "**/*[-_]image?(s).sh",
      "**/*_image*.py",
    ],
  ],
  [
    "infrastructure-as-code",
    [
      "**/*.tf",
      "**/*.tfvars",
      "**/*.tf.json",
      "**/*.hcl",
      "**/terraform/**",
      "**/*.bicep",
      "**/bicep/**",
      "**/arm-templates/**",
      "**/cloudformation/**",
      "**/cfn?([-_]templates)/**",
      "**/*.cfn.y?(a)ml",
      "**/Pulumi*.yaml",
      "**/pulumi/**",
      "**/ansible/**",
      "**/playbooks/**",
      "**/iac/**",
      "**/iac-*",
    ],
  ],
  [
    "k8s-deployment",
    [
      "**/k8s/**",
      "**/kubernetes/**",
      "**/helm/**",
      "**/charts/**",
      "**/Chart.yaml",
      "**/kustomization.y?(a)ml",
      "**/kustomize/**",
      "**/manifests/**",
      "**/deploy/**/*.y?(a)ml",
      "**/deployment/**/*.y?(a)ml",
      "**/*.k8s.y?(a)ml",
      "**/*-operator/config/**",
      // An operator's manifests in kubebuilder's layout.
      "**/config/{crd,rbac,webhook,manager,default,certmanager,network-policy,overlays}/**",
      "**/*ingress*.y?(a)ml",
      "**/templates/*.y?(a)ml",
      "**/config/samples/*.y?(a)ml",
    ],
  ],
  ["infrastructure-as-code", ["**/infra?(structure)/**/*.{json,yaml,yml,sh,ps1,template,j2,cfg,ini,toml}"]],
  [
    "monitoring-setup",
    [
      "**/prometheus/**",
      "**/prometheus*.y?(a)ml",
      "**/grafana/**",
      "**/dashboards/**",
      "**/alertmanager*.y?(a)ml",
      "**/alerts/**",
      "**/*.rules.y?(a)ml",
      "**/monitoring/**",
      "**/observability/**",
    ],
  ],
  ["data-drift", ["**/drift/**", "**/*drift*.py"]],
  [
    "data-quality",
    [
      "**/great_expectations/**",
      "**/expectations/**",
      "**/data_tests/**",
      "**/data-tests/**",
      "**/*.ge.y?(a)ml",
    ],
  ],
  [
    "feature-store-management",
    ["**/feature_repo/**", "**/feature_store.y?(a)ml", "**/feature_store/**", "**/featurestore/**"],
  ],
  [
    "etl-processes",
    ["**/dbt_project.yml", "**/dbt/**", "**/macros/**/*.sql", "**/models/**/*.sql", "**/etl/**", "**/*.sql"],
  ],
  [
    "data-pipeline",
    [
      "**/dags/**",
      "**/airflow/**",
      "**/spark/**",
      "**/*_dag.py",
      "**/pipelines/data/**",
      "**/data_pipeline*/**",
    ],
  ],
  [
    "data-ingestion",
    [
      "**/ingestion/**",
      "**/ingest*.py",
      "**/*download*.py",
      "**/datasets/**/*.py",
      "**/data/raw/**",
      "**/data/external/**",
    ],
  ],
  [
    "data-cleansing",
    [
      "**/preprocess*",
      "**/preprocessing/**",
      "**/data_prep*",
      "**/prep?([-_]*).py",
      "**/prepare*.py",
      "**/clean*.py",
      "**/data/interim/**",
      "**/data/processed/**",
    ],
  ],
  ["feature-engineering", ["**/features/**", "**/feature_engineering/**", "**/*features*.py"]],
  // A notebook is exploration unless its name says what else it is about.
  ["model-serving", ["**/*{serving,Serving,scoring,Scoring,predict,Predict,inference,Inference}*.ipynb"]],
  ["ml-pipeline-development", ["**/*{pipeline,Pipeline,component,Component}*.ipynb"]],
  ["monitoring-setup", ["**/*{monitoring,Monitoring}*.ipynb"]],
  ["model-registry", ["**/*{registry,Registry}*.ipynb"]],
  ["experiment-tracking", ["**/*{experiment,Experiment,tracking,Tracking}*.ipynb", "**/*mlflow*/**/*.ipynb"]],
  ["data-exploration", ["**/*.ipynb", "**/notebooks/**"]],
  [
    "experiment-tracking",
    ["**/MLproject", "**/*mlflow*/**", "**/experiments/**", "**/*.dvc", "**/dvc.yaml", "**/params.yaml"],
  ],
  // A registry folder alone may hold features, images or plugins: a model registry says so.
  ["model-registry", ["**/register*.py", "**/model[-_]registry/**", "**/*model_registry*"]],
  ["retraining-triggers", ["**/*retrain*", "**/*trigger*/**/*.py", "**/*trigger*.py"]],
  [
    "model-serving",
    [
      "**/serving/**",
      "**/serve/**",
      "**/inference/**",
      "**/scoring/**",
      "**/*scoring*.py",
      "**/predict*.py",
      "**/serve*.py",
      "**/score*.py",
      "**/endpoints/**",
      "**/app.py",
    ],
  ],
  [
    "ml-pipeline-development",
    [
      "**/*pipelines/**/*.py",
      "**/*pipeline*.py",
      "**/components/**",
      "**/ml_pipelines/**",
      "**/*pipeline*.y?(a)ml",
    ],
  ],
  ["project-templates", ["**/samples/**", "**/examples/**", "**/tutorials/**", "**/templates/**"]],
  [
    "results-visualisation",
    ["**/reports/**", "**/figures/**", "**/visuali[sz]ation*/**", "**/*dashboard*.py"],
  ],
  ["model-training-code", ["**/training/**", "**/train/**", "**/train*.py", "**/*.[rR]"]],
  [
    "developer-tooling",
    [
      "**/frontend/**",
      "**/ui/**",
      "**/web/**",
      "**/package.json",
      "**/tsconfig*.json",
      "**/go.mod",
      "**/setup.py",
      "**/setup.cfg",
      "**/pyproject.toml",
      "**/MANIFEST.in",
      "**/requirements*.{txt,in}",
      "**/environment*.y?(a)ml",
      "**/conda*.y?(a)ml",
      "**/Makefile",
      "**/*.mk",
      "**/{BUILD,WORKSPACE}?(.bazel)",
      "**/*.bzl",
      "**/pom.xml",
      "**/*.gradle?(.kts)",
      "**/CMakeLists.txt",
      "**/tox.ini",
      "**/noxfile.py",
      "**/.pre-commit-config.y?(a)ml",
      "**/.flake8",
      "**/.pylintrc",
      "**/.editorconfig",
      "**/.gitignore",
      "**/.gitattributes",
      "**/.eslintrc*",
      "**/.prettierrc*",
      "**/hack/**",
      "**/scripts/**",
      "**/tools/**",
      "**/.devcontainer/**",
      "**/.vscode/**",
      "**/.cursor/**",
      "**/.env*",
      "**/*.sh",
      "**/Pipfile",
      "**/devtools/**",
      "**/Tiltfile",
      "**/*.tiltfile",
      // Instructions for coding agents, like an editor's settings.
      "**/{AGENTS,CLAUDE,GEMINI}.md",
      // A library laid out as src/<package> (PyPA's src layout) is a tool; ML code above still wins.
      "**/src/*/**/*.py",
    ],
  ],
  ["model-training-code", ["**/models/**/*.py", "**/model/**/*.py", "**/*.py"]],
  // Course material: lessons, homework, a cohort's pages.
  ["team-learning", ["**/{cohorts,homework,lessons,lectures,courses,workshops}/**", "**/homework*.md"]],
  // A document or an image that no folder above claimed: documentation.
  ["system-tech-spec", ["**/*.md", "**/*.rst", "**/*.adoc", "**/*.{png,jpg,jpeg,gif,svg,webp,vsdx,drawio}"]],
];
