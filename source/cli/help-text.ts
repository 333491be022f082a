// The paragraphs that several commands' help texts share, written once so that they read alike.

/** The -h, --help line every command's options list ends with. */
export const helpOption = '  -h, --help        this help\n';

/** The --max-size line of the commands that read cluster files. */
export const maxSizeOption = '  --max-size MIB    refuse input files larger than this (default 32)\n';

// Not in lint's help, which is pinned word for word; lint reads folders and `-` alike.

/** What a FILE that is a folder, or `-`, stands for. */
export const folderFilesParagraph = `A FILE may be a folder, read as \`kubectl apply -R -f DIR\` reads it: its .yaml,
.yml and .json files, in sub-folders too, in name order (hidden ones included,
symbolic links to folders not followed). \`-\` reads standard input, once.
`;

/** What the cluster files FILE... may hold. */
export const clusterFilesParagraph = `FILE... are YAML or JSON files as \`kubectl get -o yaml\` writes them: Namespaces,
Pods, workloads (a Deployment stands for its pods), Services and NetworkPolicies
(other kinds are skipped with a note). A NetworkPolicy
in a later file replaces the one of the same name in an earlier file, as
kubectl apply would.
${folderFilesParagraph}`;

/** What a pack folder holds, and where its format is written down. */
export const packFolderParagraph = `A pack is a folder: pack.yaml and one folder per challenge (challenge.yaml,
cluster.yaml, cases.yaml, solution.yaml, starter.yaml). The format, and the
JSON Schemas editors check it with: docs/packs.md.
`;
