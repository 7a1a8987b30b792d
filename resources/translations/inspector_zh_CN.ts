<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Inspector</source>
        <translation>服务质量督查</translation>
    </message>
    <message>
        <source>Demo data: every demo account&apos;s password is {password}.</source>
        <translation>演示数据：所有演示账号的密码均为 {password}。</translation>
    </message>
</context>
<context>
    <name>ComingLaterPage</name>
    <message>
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <source>Recording inspections — a checklist item by item with photos, on-site, covert or walk-around, scored as the template says — arrives with the inspections module; nothing is recorded here yet.</source>
        <translation>检查录入（明查、暗访或走动巡查，按检查表逐项检查并拍照，按检查表的规则计分）将随检查模块提供；目前这里还没有任何记录。</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>整改通知</translation>
    </message>
    <message>
        <source>Rectification notices — issued to a unit with a deadline in working days, signed, answered and followed up with before/after photos — arrive with the notices module.</source>
        <translation>整改通知单（下发给责任单位，按工作日设定整改期限，经签署、回复，并以整改前后对比照片复查）将随整改通知模块提供。</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>The monthly report and tables — coverage against 100 %, scores, rankings, overdue and recurring problems — arrive once inspections and notices are recorded.</source>
        <translation>月度报告和报表（检查覆盖率对照 100 %、得分、排名、逾期及重复发生的问题）将在录入检查和整改通知后提供。</translation>
    </message>
    <message>
        <source>Not available yet</source>
        <translation>暂未开放</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Inspections this month</source>
        <translation>本月检查</translation>
    </message>
    <message>
        <source>Counts and coverage appear here once the inspections module is in use.</source>
        <translation>启用检查模块后，这里将显示检查次数和覆盖率。</translation>
    </message>
    <message>
        <source>Open rectification notices</source>
        <translation>未办结的整改通知</translation>
    </message>
    <message>
        <source>Open and overdue notices appear here once the notices module is in use.</source>
        <translation>启用整改通知模块后，这里将显示未办结和逾期的整改通知。</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>基础档案</translation>
    </message>
    <message>
        <source>Checklists and you</source>
        <translation>检查表与账号</translation>
    </message>
    <message>
        <source>Coming with later modules</source>
        <translation>后续模块</translation>
    </message>
    <message>
        <source>Open the registry</source>
        <translation>打开基础档案</translation>
    </message>
    <message>
        <source>Checklist templates in force</source>
        <translation>现行检查表</translation>
    </message>
    <message>
        <source>No template has been published yet.</source>
        <translation>尚未发布任何检查表。</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>当前登录</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Inspector</source>
        <translation>服务质量督查</translation>
    </message>
    <message>
        <source>… and {count} more.</source>
        <translation>…另有 {count} 条。</translation>
    </message>
    <message>
        <source>The first problem: {line}</source>
        <translation>第一个问题：{line}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong: {detail}</source>
        <translation>出现错误：{detail}</translation>
    </message>
    <message>
        <source>The value of {field} is not valid.</source>
        <translation>{field} 的值无效。</translation>
    </message>
    <message>
        <source>Not found: {entity} &quot;{key}&quot;.</source>
        <translation>找不到{entity}“{key}”。</translation>
    </message>
    <message>
        <source>This clashes with existing data.</source>
        <translation>与现有数据冲突。</translation>
    </message>
    <message>
        <source>Your role ({role}) may not {permission}.</source>
        <translation>您的角色（{role}）无权{permission}。</translation>
    </message>
    <message>
        <source>Inspection {inspection} belongs to another supervisor; only its author or the quality office may change it.</source>
        <translation>检查记录 {inspection} 属于其他督导员，只有录入人或质量办可以修改。</translation>
    </message>
    <message>
        <source>Inspection {inspection} is a covert visit; only its author, the quality office and admins may see it.</source>
        <translation>检查记录 {inspection} 是暗访记录，只有录入人、质量办和管理员可以查看。</translation>
    </message>
    <message>
        <source>Inspection {inspection} is completed and can no longer be edited.</source>
        <translation>检查记录 {inspection} 已完成，不能再修改。</translation>
    </message>
    <message>
        <source>Template {template} version {version} is a draft; inspections use published versions only.</source>
        <translation>检查表 {template} 第 {version} 版仍是草稿；检查只能使用已发布的版本。</translation>
    </message>
    <message>
        <source>No {kind} with id {id} is in the registry.</source>
        <translation>基础档案中找不到 {kind}（ID {id}）。</translation>
    </message>
    <message>
        <source>The {kind} {subject} is retired; reactivate it in the registry before inspecting it.</source>
        <translation>{kind} {subject} 已停用，请先在基础档案中重新启用，再进行检查。</translation>
    </message>
    <message>
        <source>Template {template} inspects a {expected}, not a {given}.</source>
        <translation>检查表 {template} 的检查对象是 {expected}，不是 {given}。</translation>
    </message>
    <message>
        <source>Wrong user name or password for &quot;{user}&quot;.</source>
        <translation>用户名或密码错误（“{user}”）。</translation>
    </message>
    <message>
        <source>No acting user: give --user NAME (or $INSPECTOR_USER); this data folder has no single admin to default to.</source>
        <translation>未指定操作用户：请使用 --user NAME（或设置 $INSPECTOR_USER）；此数据文件夹没有唯一的管理员可作为默认用户。</translation>
    </message>
    <message>
        <source>A password is needed for &quot;{user}&quot;: set $INSPECTOR_PASSWORD or run in a terminal.</source>
        <translation>需要“{user}”的密码：请设置 $INSPECTOR_PASSWORD，或在终端中运行。</translation>
    </message>
    <message>
        <source>The password must have at least {minimum} characters.</source>
        <translation>密码至少需要 {minimum} 个字符。</translation>
    </message>
    <message>
        <source>A user name has 2–32 letters, digits, dots, dashes or underscores.</source>
        <translation>用户名须由 2–32 个字母、数字、点、短横线或下划线组成。</translation>
    </message>
    <message>
        <source>The user name &quot;{username}&quot; is already taken.</source>
        <translation>用户名“{username}”已被占用。</translation>
    </message>
    <message>
        <source>The display name must not be empty.</source>
        <translation>显示名称不能为空。</translation>
    </message>
    <message>
        <source>This data folder already has an administrator.</source>
        <translation>此数据文件夹已有管理员。</translation>
    </message>
    <message>
        <source>&quot;{username}&quot; is the last active administrator and must stay one.</source>
        <translation>“{username}”是最后一个启用的管理员，必须保留管理员身份。</translation>
    </message>
    <message>
        <source>The setting {field} is not valid.</source>
        <translation>设置项 {field} 无效。</translation>
    </message>
    <message>
        <source>The database {file} was written by a newer version of Inspector (it has {unknown}). Install the newer version; nothing was changed.</source>
        <translation>数据库 {file} 由更新版本的服务质量督查写入（包含 {unknown}）。请安装新版本；未做任何更改。</translation>
    </message>
    <message>
        <source>Upgrading {file} left {problems} broken references; the backup beside it is untouched.</source>
        <translation>升级 {file} 后有 {problems} 处引用失效；同一目录下的备份未被改动。</translation>
    </message>
    <message>
        <source>{file}: {count} problem(s) found; nothing was imported.</source>
        <translation>{file}：发现 {count} 个问题，未导入任何数据。</translation>
    </message>
    <message>
        <source>The file {file} does not exist.</source>
        <translation>文件 {file} 不存在。</translation>
    </message>
    <message>
        <source>The file {file} could not be read ({reason}).</source>
        <translation>无法读取文件 {file}（{reason}）。</translation>
    </message>
    <message>
        <source>The file {file} is not a format Inspector reads ({suffix}); save it as {expected}.</source>
        <translation>无法读取文件 {file} 的格式（{suffix}），请另存为 {expected}。</translation>
    </message>
    <message>
        <source>The file {file} has no rows to import.</source>
        <translation>文件 {file} 中没有可导入的行。</translation>
    </message>
    <message>
        <source>{kind}: {field} &quot;{value}&quot; already exists</source>
        <translation>{kind}：{field}“{value}”已存在</translation>
    </message>
    <message>
        <source>The unit {unit} is retired; reactivate it or choose another unit.</source>
        <translation>单位 {unit} 已停用，请重新启用该单位或选择其他单位。</translation>
    </message>
    <message>
        <source>No unit has the code or name &quot;{value}&quot;.</source>
        <translation>没有编码或名称为“{value}”的单位。</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; appears twice in the file (also in row {other_row}).</source>
        <translation>“{value}”在文件中重复出现（另见第 {other_row} 行）。</translation>
    </message>
    <message>
        <source>This data folder already has {units} unit(s); demo data goes only into an empty registry. Use a new data folder (--data-dir).</source>
        <translation>此数据文件夹已有 {units} 个单位；演示数据只能写入空的基础档案。请使用新的数据文件夹（--data-dir）。</translation>
    </message>
    <message>
        <source>This data folder already has accounts: only an administrator may add demo data.</source>
        <translation>此数据文件夹已有账号：只有管理员可以添加演示数据。</translation>
    </message>
    <message>
        <source>Inspector is already open on the data folder {path}. Use that window.</source>
        <translation>服务质量督查已打开数据文件夹 {path}，请使用已打开的窗口。</translation>
    </message>
    <message>
        <source>&quot;{month}&quot; is not a month in the form YYYY-MM (e.g. 2025-07).</source>
        <translation>“{month}”不是 YYYY-MM 格式的月份（例如 2025-07）。</translation>
    </message>
    <message>
        <source>Template {code} version {version} is published and can no longer change; copy it to a new month instead.</source>
        <translation>检查表 {code} 第 {version} 版已发布，不能再修改；请将其复制为新月份的版本。</translation>
    </message>
    <message>
        <source>Template {code} version {version} cannot be published: {count} problem(s), first {first}.</source>
        <translation>检查表 {code} 第 {version} 版无法发布：有 {count} 个问题，第一个是 {first}。</translation>
    </message>
    <message>
        <source>Template {code} has no draft to publish; start one with &quot;templates copy {code} --month YYYY-MM&quot;.</source>
        <translation>检查表 {code} 没有可发布的草稿；请用“templates copy {code} --month YYYY-MM”新建草稿。</translation>
    </message>
    <message>
        <source>The template body has code {code} but this version belongs to template {expected}.</source>
        <translation>检查表内容的编码为 {code}，但此版本属于检查表 {expected}。</translation>
    </message>
    <message>
        <source>The built-in template file {file} is damaged ({detail}); reinstall Inspector.</source>
        <translation>内置检查表文件 {file} 已损坏（{detail}），请重新安装服务质量督查。</translation>
    </message>
    <message>
        <source>a value is required</source>
        <translation>此项必填</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a plate like 粤B·12345</source>
        <translation>“{value}”不是有效的车牌（应如 粤B·12345）</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a code like A-3F-WC-02</source>
        <translation>“{value}”不是有效的编码（应如 A-3F-WC-02）</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; may only hold letters, digits, - and _</source>
        <translation>“{value}”只能包含字母、数字、- 和 _</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not one of: {expected}</source>
        <translation>“{value}”不是可选值之一：{expected}</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a whole number</source>
        <translation>“{value}”不是整数</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a number</source>
        <translation>“{value}”不是数字</translation>
    </message>
    <message>
        <source>this required column is missing (accepted headers: {expected})</source>
        <translation>缺少此必需列（可用的列名：{expected}）</translation>
    </message>
    <message>
        <source>this column is not recognised (expected: {expected})</source>
        <translation>无法识别此列（应为：{expected}）</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; already exists in the registry</source>
        <translation>“{value}”在基础档案中已存在</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; also appears in row {other_row}</source>
        <translation>“{value}”在第 {other_row} 行也出现过</translation>
    </message>
    <message>
        <source>no unit has the code or name &quot;{value}&quot;</source>
        <translation>没有编码或名称为“{value}”的单位</translation>
    </message>
    <message>
        <source>the unit &quot;{value}&quot; is retired</source>
        <translation>单位“{value}”已停用</translation>
    </message>
    <message>
        <source>several units are named &quot;{value}&quot; ({codes}); give the unit code</source>
        <translation>有多个单位名为“{value}”（{codes}），请填写单位编码</translation>
    </message>
    <message>
        <source>no staff member has the staff number (工号) &quot;{value}&quot;</source>
        <translation>没有工号为“{value}”的人员</translation>
    </message>
    <message>
        <source>{field}: {reason}</source>
        <translation>{field}：{reason}</translation>
    </message>
    <message>
        <source>row {row}, column {column}</source>
        <translation>第 {row} 行，“{column}”列</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Set up account</source>
        <translation>设置账号</translation>
    </message>
    <message>
        <source>Create the administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>Welcome to Inspector</source>
        <translation>欢迎使用服务质量督查</translation>
    </message>
    <message>
        <source>This data folder has no accounts yet. Create the administrator account: it adds the supervisors, quality office staff and managers who will use Inspector.</source>
        <translation>此数据文件夹还没有任何账号。请先创建管理员账号，再由管理员添加使用本软件的督导员、质量办人员和负责人。</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>确认密码(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Supervisor</source>
        <translation>督导员</translation>
    </message>
    <message>
        <source>Quality office</source>
        <translation>质量办</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>manage user accounts</source>
        <translation>管理用户账号</translation>
    </message>
    <message>
        <source>view the registry</source>
        <translation>查看基础档案</translation>
    </message>
    <message>
        <source>edit the registry</source>
        <translation>修改基础档案</translation>
    </message>
    <message>
        <source>view checklist templates</source>
        <translation>查看检查表</translation>
    </message>
    <message>
        <source>edit checklist templates</source>
        <translation>编辑检查表</translation>
    </message>
    <message>
        <source>publish checklist templates</source>
        <translation>发布检查表</translation>
    </message>
    <message>
        <source>record inspections</source>
        <translation>录入检查</translation>
    </message>
    <message>
        <source>see every covert inspection</source>
        <translation>查看全部暗访记录</translation>
    </message>
    <message>
        <source>edit other supervisors&apos; inspections</source>
        <translation>修改其他督导员的检查记录</translation>
    </message>
    <message>
        <source>reopen completed inspections</source>
        <translation>重新打开已完成的检查</translation>
    </message>
    <message>
        <source>issue rectification notices</source>
        <translation>下发整改通知单</translation>
    </message>
    <message>
        <source>sign rectification notices</source>
        <translation>签署整改通知单</translation>
    </message>
    <message>
        <source>record follow-up checks</source>
        <translation>录入复查结果</translation>
    </message>
    <message>
        <source>view reports</source>
        <translation>查看报表</translation>
    </message>
    <message>
        <source>change the settings</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>read the audit trail</source>
        <translation>查看审计记录</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>场所</translation>
    </message>
    <message>
        <source>Depot</source>
        <translation>总站</translation>
    </message>
    <message>
        <source>Contractor</source>
        <translation>外委单位</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>职能部门</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>项目点</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>驾驶员</translation>
    </message>
    <message>
        <source>Conductor</source>
        <translation>乘务员</translation>
    </message>
    <message>
        <source>Security guard</source>
        <translation>保安</translation>
    </message>
    <message>
        <source>CCTV operator</source>
        <translation>监控值守员</translation>
    </message>
    <message>
        <source>Cleaner</source>
        <translation>保洁员</translation>
    </message>
    <message>
        <source>Receptionist</source>
        <translation>接待员</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维修工</translation>
    </message>
    <message>
        <source>Station staff</source>
        <translation>站务员</translation>
    </message>
    <message>
        <source>Management staff</source>
        <translation>管理人员</translation>
    </message>
    <message>
        <source>On-site</source>
        <translation>明查</translation>
    </message>
    <message>
        <source>Covert</source>
        <translation>暗访</translation>
    </message>
    <message>
        <source>Walk-around</source>
        <translation>走动巡查</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Serious</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>场所</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Deduction from 100</source>
        <translation>百分制扣分</translation>
    </message>
    <message>
        <source>Weighted points</source>
        <translation>加权计分</translation>
    </message>
    <message>
        <source>Five-point scale</source>
        <translation>五分制</translation>
    </message>
    <message>
        <source>inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>checklist template</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>checklist template version</source>
        <translation>检查表版本</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>rectification notice</source>
        <translation>整改通知单</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>LocationsModel</name>
    <message>
        <source>Code</source>
        <translation>位置编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Sign in to Inspector</source>
        <translation>登录服务质量督查</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The {language} translation is missing from this installation; texts stay in English.</source>
        <translation>本安装缺少{language}翻译，界面文字将保持英文。</translation>
    </message>
    <message>
        <source>About Inspector</source>
        <translation>关于服务质量督查</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Inspector {version}&lt;/h3&gt;&lt;p&gt;Service-quality inspections, rectification notices and monthly reports on a laptop, with no server.&lt;/p&gt;&lt;p&gt;Data folder: {folder}&lt;/p&gt;&lt;p&gt;Chinese text uses the bundled WenQuanYi Micro Hei font (Apache License 2.0 / GPLv3 with font exception).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;服务质量督查 {version}&lt;/h3&gt;&lt;p&gt;在笔记本电脑上完成服务质量检查、整改通知和月度报告，无需服务器。&lt;/p&gt;&lt;p&gt;数据文件夹：{folder}&lt;/p&gt;&lt;p&gt;中文文字使用随附的文泉驿微米黑字体（Apache License 2.0 / GPLv3，含字体例外条款）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Data folder: {path}</source>
        <translation>数据文件夹：{path}</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>服务质量督查</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>整改通知</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>基础档案</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Switch user…</source>
        <translation>切换用户(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Inspector</source>
        <translation>关于服务质量督查(&amp;A)</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Enter your current password, then the new one twice (at least {n} characters).</source>
        <translation>请输入当前密码，再输入两次新密码（至少 {n} 个字符）。</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Reset the password of {account}</source>
        <translation>重置 {account} 的密码</translation>
    </message>
    <message>
        <source>Choose a new password (at least {n} characters) and give it to its owner in person; they can change it afterwards under Settings.</source>
        <translation>请设置新密码（至少 {n} 个字符）并当面告知账号本人；本人之后可在“设置”中自行修改。</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Choose a password of at least six characters.</source>
        <translation>请设置至少 6 个字符的密码。</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat new password:</source>
        <translation>确认新密码(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>RegistryEditDialog</name>
    <message>
        <source>Add unit</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <source>Edit unit</source>
        <translation>编辑单位</translation>
    </message>
    <message>
        <source>Add vehicle</source>
        <translation>新增车辆</translation>
    </message>
    <message>
        <source>Edit vehicle</source>
        <translation>编辑车辆</translation>
    </message>
    <message>
        <source>Add staff member</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>Edit staff member</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <source>Add location</source>
        <translation>新增场所</translation>
    </message>
    <message>
        <source>Edit location</source>
        <translation>编辑场所</translation>
    </message>
    <message>
        <source>Location code</source>
        <translation>位置编码</translation>
    </message>
    <message>
        <source>Unit code</source>
        <translation>单位编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Head&apos;s phone</source>
        <translation>负责人电话</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Fleet no.</source>
        <translation>自编号</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>线路</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Staff no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Letters, digits, - and _ only</source>
        <translation>仅限字母、数字、- 和 _</translation>
    </message>
    <message>
        <source>Like 粤B·12345 (lower case, spaces or a dash are fine)</source>
        <translation>如 粤B·12345（可用小写字母，可含空格或短横线）</translation>
    </message>
    <message>
        <source>Rectification notices are addressed to this person</source>
        <translation>整改通知单发给此人</translation>
    </message>
    <message>
        <source>Type a staff no. or a name to search; leave empty for none</source>
        <translation>输入工号或姓名搜索；不指定则留空</translation>
    </message>
    <message>
        <source>Yard, restroom, meeting room…</source>
        <translation>停车场、卫生间、会议室…</translation>
    </message>
    <message>
        <source>Like A-3F-WC-02 (building-floor-room-number)</source>
        <translation>如 A-3F-WC-02（楼栋-楼层-房间-序号）</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}：</translation>
    </message>
    <message>
        <source>Add a unit first</source>
        <translation>请先新增单位</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{unit} (retired)</source>
        <translation>{unit}（已停用）</translation>
    </message>
    <message>
        <source>{person} (retired)</source>
        <translation>{person}（已停用）</translation>
    </message>
    <message>
        <source>Pick a person from the list, or leave it empty.</source>
        <translation>请从列表中选择人员，或留空。</translation>
    </message>
</context>
<context>
    <name>RegistryImportDialog</name>
    <message>
        <source>Import {kind}</source>
        <translation>导入{kind}</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>When the file has problems nothing is imported, unless you choose to import only the good rows: the rows with problems are then left out. You can also fix the file and choose it again.</source>
        <translation>文件有问题时不会导入任何数据，除非您选择只导入无误的行（有问题的行将被跳过）。您也可以修改文件后重新选择。</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>选择其他文件…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import only the good rows</source>
        <translation>只导入无误的行</translation>
    </message>
    <message>
        <source>Choose a file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>File: {file}</source>
        <translation>文件：{file}</translation>
    </message>
    <message>
        <source>File: {file} (sheet {sheet})</source>
        <translation>文件：{file}（工作表 {sheet}）</translation>
    </message>
    <message numerus="yes">
        <source>%n good row(s)</source>
        <translation>
            <numerusform>%n 行无误</numerusform>
        </translation>
    </message>
    <message>
        <source>{good}, no problems. Ready to import.</source>
        <translation>{good}，未发现问题，可以导入。</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with problems</source>
        <translation>
            <numerusform>%n 行有问题</numerusform>
        </translation>
    </message>
    <message>
        <source>Columns: {names} (* required). English field names and common variants are recognised too; other columns are ignored.</source>
        <translation>列：{names}（* 为必填）。也可识别英文字段名和常见的其他写法；其他列将被忽略。</translation>
    </message>
    <message>
        <source>The unit column takes a unit code or name.</source>
        <translation>“单位”列可填写单位编码或名称。</translation>
    </message>
</context>
<context>
    <name>RegistryModel</name>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>RegistryPage</name>
    <message>
        <source>Show retired</source>
        <translation>显示已停用</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Read many records at once from a CSV or Excel (.xlsx) file</source>
        <translation>从 CSV 或 Excel（.xlsx）文件批量导入记录</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>基础档案</translation>
    </message>
    <message>
        <source>Search code, name, head…</source>
        <translation>搜索编码、名称、负责人…</translation>
    </message>
    <message>
        <source>Search plate, fleet no., route, model…</source>
        <translation>搜索车牌、自编号、线路、车型…</translation>
    </message>
    <message>
        <source>Search staff no., name, phone…</source>
        <translation>搜索工号、姓名、电话…</translation>
    </message>
    <message>
        <source>Search code, name, area…</source>
        <translation>搜索编码、名称、区域…</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message numerus="yes">
        <source>%n retired</source>
        <translation>
            <numerusform>%n 个已停用</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n 个单位</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vehicle(s)</source>
        <translation>
            <numerusform>%n 辆车</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n staff member(s)</source>
        <translation>
            <numerusform>%n 名人员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n location(s)</source>
        <translation>
            <numerusform>%n 个场所</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing matches the search or the unit filter.</source>
        <translation>没有符合搜索条件或单位筛选的记录。</translation>
    </message>
    <message>
        <source>Nothing has been entered here yet. The quality office maintains the registry.</source>
        <translation>这里还没有录入任何内容。基础档案由质量办维护。</translation>
    </message>
    <message>
        <source>No units yet. Start here: depots, contractors, departments and sites are the units that vehicles, staff and locations belong to and that notices are addressed to.

Use Add… for one unit, or Import… to read a CSV or Excel file.</source>
        <translation>还没有单位。请从这里开始：总站、外委单位、职能部门和项目点都是单位，车辆、人员和场所归属于单位，整改通知也发给单位。

用“新增…”逐个添加单位，或用“导入…”读取 CSV 或 Excel 文件。</translation>
    </message>
    <message>
        <source>No vehicles yet. Use Add… for one vehicle, or Import… to read a CSV or Excel file.</source>
        <translation>还没有车辆。用“新增…”添加一辆车，或用“导入…”读取 CSV 或 Excel 文件。</translation>
    </message>
    <message>
        <source>No staff yet. Use Add… for one person, or Import… to read a CSV or Excel file.</source>
        <translation>还没有人员。用“新增…”添加一名人员，或用“导入…”读取 CSV 或 Excel 文件。</translation>
    </message>
    <message>
        <source>No locations yet. Use Add… for one place (a restroom, a yard, a meeting room…), or Import… to read a CSV or Excel file.</source>
        <translation>还没有场所。用“新增…”添加一个场所（卫生间、停车场、会议室…），或用“导入…”读取 CSV 或 Excel 文件。</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <source>Only the quality office and administrators can change the registry.</source>
        <translation>只有质量办和管理员可以修改基础档案。</translation>
    </message>
    <message>
        <source>{key} is retired. Tick Show retired to see it or to reactivate it.</source>
        <translation>{key} 已停用。勾选“显示已停用”可查看或重新启用。</translation>
    </message>
    <message>
        <source>{key} is active again.</source>
        <translation>{key} 已重新启用。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n record(s).</source>
        <translation>
            <numerusform>已导入 %n 条记录。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with problems were left out.</source>
        <translation>
            <numerusform>已跳过 %n 行有问题的数据。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
    <message>
        <source>Signed in as {name} ({role}); user name {username}.</source>
        <translation>当前登录：{name}（{role}），用户名 {username}。</translation>
    </message>
    <message>
        <source>Organisation and deadlines</source>
        <translation>机构与整改期限</translation>
    </message>
    <message>
        <source>Only the quality office and administrators can change these settings.</source>
        <translation>只有质量办和管理员可以修改这些设置。</translation>
    </message>
    <message>
        <source>Organisation name (Chinese):</source>
        <translation>机构名称（中文）：</translation>
    </message>
    <message>
        <source>Organisation name (English):</source>
        <translation>机构名称（英文）：</translation>
    </message>
    <message>
        <source>Days to rectify, {severity}:</source>
        <translation>{severity}问题整改期限：</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Applies at once to every screen and is kept for this data folder.</source>
        <translation>立即应用于所有界面，并保存在此数据文件夹中。</translation>
    </message>
    <message>
        <source>My account</source>
        <translation>我的账号</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>Staff no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>TemplatesModel</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Effective month</source>
        <translation>生效月份</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>检查项目数</translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message>
        <source>Templates</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>No template selected</source>
        <translation>未选择检查表</translation>
    </message>
    <message>
        <source>Version {version}, {status}, effective {month} · inspects: {subject} · scoring: {scheme} · {items} items</source>
        <translation>第 {version} 版，{status}，生效月份 {month} · 检查对象：{subject} · 计分方式：{scheme} · 共 {items} 项</translation>
    </message>
    <message>
        <source>Deduction</source>
        <translation>扣分</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>max {cap:g}</source>
        <translation>上限 {cap:g}</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <source>Failing this item fails the whole inspection (一票否决).</source>
        <translation>此项不合格，整次检查即判为不合格（一票否决）。</translation>
    </message>
    <message>
        <source>Inferred</source>
        <translation>建议项</translation>
    </message>
    <message>
        <source>Not in the source regulations: shipped as a suggestion for the quality office to confirm.</source>
        <translation>原制度中没有此项：作为建议提供，需质量办确认。</translation>
    </message>
    <message>
        <source>Click an item to read its inspection standard.</source>
        <translation>点击检查项目可查看检查标准。</translation>
    </message>
    <message>
        <source>This item has no written standard.</source>
        <translation>此项目没有书面检查标准。</translation>
    </message>
    <message>
        <source>{n} photo(s) required when it fails</source>
        <translation>不合格时须拍照 {n} 张</translation>
    </message>
    <message>
        <source>not checked on covert visits</source>
        <translation>暗访时不检查</translation>
    </message>
    <message>
        <source>source: {source}</source>
        <translation>依据：{source}</translation>
    </message>
    <message>
        <source>Read-only for now: editing drafts and publishing next month&apos;s version arrive with the template editor.</source>
        <translation>目前为只读：编辑草稿和发布下月版本的功能将随检查表编辑器提供。</translation>
    </message>
    <message>
        <source>No checklist templates in this data folder yet.</source>
        <translation>此数据文件夹中还没有检查表。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Check item</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>UnitsModel</name>
    <message>
        <source>Code</source>
        <translation>单位编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>UserEditDialog</name>
    <message>
        <source>Add user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>The user name is what they type to sign in (letters, digits, dots, dashes); the display name appears on inspections and notices.</source>
        <translation>用户名用于登录（字母、数字、点或短横线）；显示名称会出现在检查记录和整改通知单上。</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>编辑用户</translation>
    </message>
    <message>
        <source>Edit {username}</source>
        <translation>编辑 {username}</translation>
    </message>
    <message>
        <source>An inactive user can no longer sign in; their records stay.</source>
        <translation>停用的用户不能再登录，其记录仍会保留。</translation>
    </message>
    <message>
        <source>User account</source>
        <translation>用户账号</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Active (may sign in)</source>
        <translation>启用（可以登录）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Re&amp;peat password:</source>
        <translation>确认密码(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>UsersSection</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Everyone who uses Inspector on this laptop signs in with their own account; the role decides what they may do. Accounts are deactivated, never deleted, so their records keep a name.</source>
        <translation>在这台电脑上使用服务质量督查的每个人都用自己的账号登录，角色决定其权限。账号只能停用、不能删除，以便其记录保留姓名。</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>新增用户…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
</context>
<context>
    <name>VehiclesModel</name>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Fleet no.</source>
        <translation>自编号</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>线路</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
</TS>
