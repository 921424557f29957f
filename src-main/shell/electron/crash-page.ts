/**
 * Fallback for `app://kiosk/crash.html` when the renderer build ships none: static, no script,
 * no style (the CSP forbids inline ones), so it shows even when the UI bundle is what crashes.
 */
export const CRASH_PAGE_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>暂停服务</title>
</head>
<body>
<h1>本机暂停服务</h1>
<p>终端正在恢复，请稍候，或联系现场工作人员。</p>
<p lang="en">This terminal is temporarily out of service. Please wait or ask a member of staff.</p>
</body>
</html>
`;
