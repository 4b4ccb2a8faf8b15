/**
 * What `npm run edit` prints and CONTRIBUTING.md 方式三 shows: editing on one's own machine with
 * the web form, step by step. One list, so the two cannot disagree (tests/cms-config.test.ts).
 */
export const editSteps = (address: string) => [
	`用 Chrome 或 Edge 打开 ${address}（须是能“选择文件夹”的浏览器；Firefox 和 Safari 不行）。`,
	'点“使用本地仓库”，选择本仓库的根目录（里面有 .git 和 content 两个文件夹），并允许浏览器修改其中的文件。',
	'在“举措”中打开要记录进展的举措，在“进展记录”下点“添加 进展记录”，填写记录日期、记录时的状态、进展说明，有公开出处时填写出处。',
	'点右上角的“保存”。文件直接写进本机的仓库，只改动这次填写的内容；举措的状态（status）自动改为最新一条进展记录的状态。',
	'回到命令行运行 npm run check；没有问题后在新分支上提交并推送：git switch -c 记录进展，git add content，git commit -m "记录进展"，git push -u origin 记录进展，再在 GitLab 上发起合并请求。',
	'编辑完毕，在运行 npm run edit 的窗口按 Ctrl+C 结束。',
];

/** The address `npm run edit` serves the form at, by default. */
export const localAdminAddress = 'http://127.0.0.1:4321/admin/';

/** The steps as CONTRIBUTING.md lists them, between its `cms:edit-steps` markers. */
export const editStepsMarkdown = () => editSteps(localAdminAddress).map((step, index) => `${index + 1}. ${step}`).join('\n');
