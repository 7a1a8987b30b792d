<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AnnotationCanvas</name>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>标注文字：</translation>
    </message>
</context>
<context>
    <name>AnnotationDialog</name>
    <message>
        <source>Mark the photo</source>
        <translation>标注照片</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>箭头</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>椭圆</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>矩形</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>White</source>
        <translation>白色</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Click a mark to select it; drag to move it; Delete removes it.</source>
        <translation>单击标注可选中，拖动可移动，按 Delete 键删除。</translation>
    </message>
    <message>
        <source>Drag from the tail to the point of the arrow.</source>
        <translation>从箭尾拖到箭头所指处。</translation>
    </message>
    <message>
        <source>Drag across the area to circle.</source>
        <translation>拖过要圈出的区域。</translation>
    </message>
    <message>
        <source>Drag across the area to frame.</source>
        <translation>拖过要框出的区域。</translation>
    </message>
    <message>
        <source>Click where the label should start.</source>
        <translation>单击文字的起始位置。</translation>
    </message>
    <message numerus="yes">
        <source>%n mark(s)</source>
        <translation>
            <numerusform>%n 处标注</numerusform>
        </translation>
    </message>
    <message>
        <source>This photo cannot be shown.</source>
        <translation>无法显示此照片。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Preparing demo data…</source>
        <translation>正在准备演示数据…</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>服务质量督查</translation>
    </message>
    <message>
        <source>Demo data of {day}: every demo account&apos;s password is {password}. File → Reset demo data… makes it afresh.</source>
        <translation>演示数据（{day} 生成）：所有演示账号的密码都是 {password}。“文件 → 重置演示数据…”可重新生成。</translation>
    </message>
</context>
<context>
    <name>ArchiveExportBox</name>
    <message>
        <source>Vehicle and staff files</source>
        <translation>车辆与人员档案</translation>
    </message>
    <message>
        <source>Vehicle (plate or fleet no.)</source>
        <translation>车辆（车牌号或自编号）</translation>
    </message>
    <message>
        <source>Staff member (staff no.)</source>
        <translation>人员（工号）</translation>
    </message>
    <message>
        <source>Plate, fleet number or staff number</source>
        <translation>车牌号、自编号或工号</translation>
    </message>
    <message>
        <source>Export file (.pdf)…</source>
        <translation>导出档案 (.pdf)…</translation>
    </message>
    <message>
        <source>staff-file</source>
        <translation>个人档案</translation>
    </message>
    <message>
        <source>vehicle-file</source>
        <translation>车辆档案</translation>
    </message>
    <message>
        <source>Export the file of {key}</source>
        <translation>导出 {key} 的档案</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>Inspector backs the database up on the first start of every day, before every upgrade and before every import. Photos are not copied: the photo store never changes or removes a photo a backup refers to.</source>
        <translation>每天首次启动时、每次升级前和每次导入前，督查系统都会自动备份数据库。照片不复制：照片库中的照片从不修改，备份所引用的照片也不会被删除。</translation>
    </message>
    <message>
        <source>Folder: {path}</source>
        <translation>备份文件夹：{path}</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Keep the newest</source>
        <translation>保留最近</translation>
    </message>
    <message>
        <source>backups, and one of every month</source>
        <translation>份备份，另每月保留一份</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore selected…</source>
        <translation>恢复所选…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <source>Backup written: {file}</source>
        <translation>已备份：{file}</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>选择要恢复的备份</translation>
    </message>
    <message>
        <source>Backups (*.db);;* (*)</source>
        <translation>备份文件 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <source>The backup is in place; the database as it was is kept as {kept}. Inspector starts again now.</source>
        <translation>备份已恢复；原数据库已另存为 {kept}。督查系统现在重新启动。</translation>
    </message>
    <message>
        <source>The backup is in place; the database as it was is kept as {kept}. Inspector closes now: start it again to work on the restored data.</source>
        <translation>备份已恢复；原数据库已另存为 {kept}。督查系统现在关闭，请重新启动以使用恢复后的数据。</translation>
    </message>
    <message>
        <source>Restore the backup made {when} ({why})?</source>
        <translation>恢复 {when} 的备份（{why}）？</translation>
    </message>
    <message>
        <source>Restore the backup {file}?</source>
        <translation>恢复备份 {file}？</translation>
    </message>
    <message>
        <source>Everything recorded since then is replaced. The current database is kept aside beside it (inspector.db.before-restore-…), and Inspector closes and starts again on the restored data.</source>
        <translation>此后记录的所有内容都将被替换。当前数据库会另存在旁边（inspector.db.before-restore-…），督查系统随后关闭并在恢复后的数据上重新启动。</translation>
    </message>
    <message>
        <source>The backup is from an earlier version; it is upgraded when Inspector starts again.</source>
        <translation>该备份来自较早的版本，重新启动时会自动升级。</translation>
    </message>
    <message>
        <source>{count} photos it refers to are no longer in the photo store.</source>
        <translation>其中引用的 {count} 张照片已不在照片库中。</translation>
    </message>
</context>
<context>
    <name>CalendarOverridesGroup</name>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>{year}: official schedule built in; {count} day(s) entered here take precedence</source>
        <translation>{year} 年：已内置官方安排；此处录入的 {count} 天优先适用</translation>
    </message>
    <message>
        <source>{year}: official schedule built in</source>
        <translation>{year} 年：已内置官方安排</translation>
    </message>
    <message>
        <source>{year}: entered by the office ({count} days)</source>
        <translation>{year} 年：由质量办录入（{count} 天）</translation>
    </message>
    <message>
        <source>{year}: not known — deadlines counted Monday–Friday and marked estimated</source>
        <translation>{year} 年：未知——整改期限按周一至周五计算，并标注为估算</translation>
    </message>
    <message>
        <source>→ due {due}, follow-up {follow_up}</source>
        <translation>→ 到期 {due}，复查 {follow_up}</translation>
    </message>
    <message>
        <source>(estimated)</source>
        <translation>（估算）</translation>
    </message>
    <message>
        <source>Working-day calendar</source>
        <translation>工作日日历</translation>
    </message>
    <message>
        <source>Deadlines count Chinese working days. The official schedule is built in up to the last year listed as such below; when the State Council publishes next year&apos;s schedule (each November), enter its holidays and make-up working days here.</source>
        <translation>整改期限按中国工作日计算。官方安排已内置至下方标明的最后一年；国务院公布下一年的安排后（每年 11 月），请在此录入其中的节假日和调休上班日。</translation>
    </message>
    <message>
        <source>Statutory holidays (no work)</source>
        <translation>法定节假日（不上班）</translation>
    </message>
    <message>
        <source>Make-up working days (weekend days worked)</source>
        <translation>调休上班日（周末上班）</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>Try it: issued on</source>
        <translation>试算：下发日期</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>Save calendar</source>
        <translation>保存日历</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>Take a photo with the camera</source>
        <translation>用摄像头拍照</translation>
    </message>
    <message>
        <source>Space takes the photo · Enter keeps it · Esc cancels</source>
        <translation>空格拍照 · Enter 采用 · Esc 取消</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <source>Use this photo</source>
        <translation>采用这张照片</translation>
    </message>
    <message>
        <source>The camera is not ready yet; try again in a moment.</source>
        <translation>摄像头尚未就绪，请稍后再试。</translation>
    </message>
    <message>
        <source>Take again</source>
        <translation>重拍</translation>
    </message>
    <message>
        <source>The camera reported a problem: {reason}</source>
        <translation>摄像头出错：{reason}</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Close {number} (销号)</source>
        <translation>{number} 销号</translation>
    </message>
    <message>
        <source>Close the case (销号): the complainant was told the result and was satisfied or basically satisfied. Nothing more can be recorded on it afterwards, except a finding.</source>
        <translation>销号：已向投诉人反馈处理结果，投诉人满意或基本满意。销号后不能再记录任何步骤（生成问题除外）。</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可不填</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>销号</translation>
    </message>
</context>
<context>
    <name>CollectDialog</name>
    <message>
        <source>Enter a comment book</source>
        <translation>录入意见簿</translation>
    </message>
    <message>
        <source>Copy in what passengers wrote in the bus&apos;s comment book (旅客意见簿) for the day. A book with nothing written in it is entered without entries: it was collected.</source>
        <translation>照录乘客当天在该车旅客意见簿上所写内容。意见簿上没有内容的，也要录入（不加条目）：表示已回收。</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Plate or fleet number</source>
        <translation>车牌号或自编号</translation>
    </message>
    <message>
        <source>Day of the book</source>
        <translation>意见簿日期</translation>
    </message>
    <message>
        <source>Collected at</source>
        <translation>回收时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What the passenger wrote</source>
        <translation>乘客所写内容</translation>
    </message>
    <message>
        <source>Add an entry</source>
        <translation>添加一条</translation>
    </message>
    <message>
        <source>Remove the entry</source>
        <translation>删除该条</translation>
    </message>
    <message>
        <source>Save the book</source>
        <translation>保存意见簿</translation>
    </message>
</context>
<context>
    <name>CommentBooks</name>
    <message>
        <source>Praise</source>
        <translation>表扬</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>已留存</translation>
    </message>
    <message>
        <source>To answer today</source>
        <translation>待当天反馈</translation>
    </message>
    <message>
        <source>Answered the same day</source>
        <translation>当天已反馈</translation>
    </message>
    <message>
        <source>Answered late</source>
        <translation>逾期反馈</translation>
    </message>
    <message>
        <source>Registered as a complaint</source>
        <translation>已登记为投诉</translation>
    </message>
</context>
<context>
    <name>CommentBooksPage</name>
    <message>
        <source>Comment books</source>
        <translation>旅客意见簿</translation>
    </message>
    <message>
        <source>The day before</source>
        <translation>前一天</translation>
    </message>
    <message>
        <source>The day after</source>
        <translation>后一天</translation>
    </message>
    <message>
        <source>Still to do, any day</source>
        <translation>只看待办（不限日期）</translation>
    </message>
    <message>
        <source>Enter a book…</source>
        <translation>录入意见簿…</translation>
    </message>
    <message>
        <source>Enter a bus&apos;s comment book collected today or earlier (回收录入)</source>
        <translation>录入当天或以前回收的车辆意见簿（回收录入）</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>反馈…</translation>
    </message>
    <message>
        <source>The same-day reply to the selected opinion (当天反馈)</source>
        <translation>对所选意见作当天反馈</translation>
    </message>
    <message>
        <source>Register as a complaint</source>
        <translation>登记为投诉</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What the passenger wrote</source>
        <translation>乘客所写内容</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reply or complaint</source>
        <translation>反馈或投诉号</translation>
    </message>
    <message>
        <source>Not collected that day: {count}</source>
        <translation>当天未回收：{count} 辆</translation>
    </message>
    <message>
        <source>{count} entries still to answer or register</source>
        <translation>还有 {count} 条待反馈或登记</translation>
    </message>
    <message>
        <source>{books} books collected · {entries} entries · {open} to answer · {missed} buses not collected</source>
        <translation>已回收 {books} 本 · {entries} 条 · 待反馈 {open} 条 · 未回收 {missed} 辆</translation>
    </message>
    <message>
        <source>Nothing is still to do.</source>
        <translation>没有待办事项。</translation>
    </message>
    <message>
        <source>No entry in the books of this day (empty books count as collected).</source>
        <translation>当天意见簿没有条目（空白意见簿也计为已回收）。</translation>
    </message>
    <message>
        <source>{state} (day passed)</source>
        <translation>{state}（已过当天）</translation>
    </message>
    <message>
        <source>Register “{text}” ({vehicle}, {day}) in the complaints register? The register&apos;s procedure and limits then carry it.</source>
        <translation>将“{text}”（{vehicle}，{day}）登记为投诉？此后按投诉处理程序和时限办理。</translation>
    </message>
</context>
<context>
    <name>ComplaintDetail</name>
    <message>
        <source>What happened</source>
        <translation>事情经过</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>处理过程</translation>
    </message>
    <message>
        <source>Select a case to see its intake, its steps and what can be done next.</source>
        <translation>选择一件投诉，查看受理内容、处理过程和下一步可做的事。</translation>
    </message>
    <message>
        <source>Read only: the quality office handles complaints.</source>
        <translation>只读：投诉由质量办处理。</translation>
    </message>
    <message>
        <source>Investigate…</source>
        <translation>调查…</translation>
    </message>
    <message>
        <source>Result…</source>
        <translation>处理结果…</translation>
    </message>
    <message>
        <source>Feedback…</source>
        <translation>反馈…</translation>
    </message>
    <message>
        <source>Extend…</source>
        <translation>延期…</translation>
    </message>
    <message>
        <source>Finding…</source>
        <translation>生成问题…</translation>
    </message>
    <message>
        <source>Interview notes, the staff member&apos;s statement, photos (调查)</source>
        <translation>调查：询问笔录、当事人书面说明、照片</translation>
    </message>
    <message>
        <source>Liable or not, the measures, the apology (处理结果)</source>
        <translation>处理结果：有责或无责、处理措施、是否赔礼道歉</translation>
    </message>
    <message>
        <source>The complainant&apos;s opinion of the result (反馈)</source>
        <translation>反馈：投诉人对处理结果的意见</translation>
    </message>
    <message>
        <source>A later limit, with the written reason (延期)</source>
        <translation>延期：延长时限，须书面说明理由</translation>
    </message>
    <message>
        <source>A finding on the responsible unit, carried by a notice</source>
        <translation>对责任单位生成问题，由整改通知单跟进</translation>
    </message>
    <message>
        <source>round {round}</source>
        <translation>第 {round} 轮</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>rural route</source>
        <translation>农村线路</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>定性</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>{time} by {name}</source>
        <translation>{time}，{name}</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事发</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>线路</translation>
    </message>
    <message>
        <source>Vehicle / staff</source>
        <translation>车辆 / 人员</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>(extended)</source>
        <translation>（已延期）</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>销号…</translation>
    </message>
    <message>
        <source>Close the case after the complainant&apos;s feedback (销号)</source>
        <translation>投诉人反馈后销号</translation>
    </message>
    <message>
        <source>Unit&apos;s feedback by</source>
        <translation>部门反馈时限</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>投诉人意见</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>{time} {step} by {name}</source>
        <translation>{time} {step}（{name}）</translation>
    </message>
    <message>
        <source>Answer: {text}</source>
        <translation>答复：{text}</translation>
    </message>
    <message>
        <source>Notes: {text}</source>
        <translation>调查情况：{text}</translation>
    </message>
    <message>
        <source>Statement: {text}</source>
        <translation>书面说明：{text}</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) or scan(s)</source>
        <translation>
            <numerusform>%n 张照片或扫描件</numerusform>
        </translation>
    </message>
    <message>
        <source>, apology made</source>
        <translation>，已赔礼道歉</translation>
    </message>
    <message>
        <source>Measures: {text}</source>
        <translation>处理措施：{text}</translation>
    </message>
    <message>
        <source>reopened for a second remedy (二次补救)</source>
        <translation>重新处理（二次补救）</translation>
    </message>
    <message>
        <source>New limit {due}: {reason}</source>
        <translation>新时限 {due}：{reason}</translation>
    </message>
    <message>
        <source>Item {item}: finding {findings}</source>
        <translation>项目 {item}：问题 {findings}</translation>
    </message>
    <message>
        <source>Note: {text}</source>
        <translation>备注：{text}</translation>
    </message>
    <message>
        <source>{number}: {status}.</source>
        <translation>{number}：{status}。</translation>
    </message>
</context>
<context>
    <name>Complaints</name>
    <message>
        <source>12319 work order</source>
        <translation>12319工单</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>来电</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>来信</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>来访</translation>
    </message>
    <message>
        <source>Website message</source>
        <translation>网站留言</translation>
    </message>
    <message>
        <source>Comment book</source>
        <translation>旅客意见簿</translation>
    </message>
    <message>
        <source>Survey form</source>
        <translation>随车调查表</translation>
    </message>
    <message>
        <source>Enquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>举报</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>General complaint</source>
        <translation>一般投诉</translation>
    </message>
    <message>
        <source>Serious complaint</source>
        <translation>严重投诉</translation>
    </message>
    <message>
        <source>Non-standard service, careless work, a curt manner</source>
        <translation>服务不规范,工作不认真,态度生硬</translation>
    </message>
    <message>
        <source>Inattentive care, impatient answers, not listening to passengers</source>
        <translation>照顾不周到,解答不耐心,不虚心听取乘客意见</translation>
    </message>
    <message>
        <source>A mistake at work without an apology</source>
        <translation>因工作失误,失礼不道歉</translation>
    </message>
    <message>
        <source>Fare or riding violations not handled by the rules</source>
        <translation>处理违章乘车行为不按章办事</translation>
    </message>
    <message>
        <source>Doing things unrelated to the work</source>
        <translation>工作中做与工作无关的事</translation>
    </message>
    <message>
        <source>A serious breach of service discipline or of duty causing a dispute</source>
        <translation>严重违反服务纪律或因不履行工作职责,引发服务矛盾</translation>
    </message>
    <message>
        <source>Discriminating against or abusing passengers</source>
        <translation>歧视、漫骂乘客,造成严重后果</translation>
    </message>
    <message>
        <source>Mishandling that escalated the conflict</source>
        <translation>因接待、处理失当,致使矛盾激化</translation>
    </message>
    <message>
        <source>Justified press criticism with public effect</source>
        <translation>新闻批评属实,在社会上造成一定影响</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>under investigation</source>
        <translation>调查中</translation>
    </message>
    <message>
        <source>resolved, not yet fed back</source>
        <translation>已处理,待反馈</translation>
    </message>
    <message>
        <source>fed back</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已销号</translation>
    </message>
    <message>
        <source>Liable</source>
        <translation>有责</translation>
    </message>
    <message>
        <source>Not liable</source>
        <translation>无责</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Unsatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Answered on the spot</source>
        <translation>当场答复</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Finding made</source>
        <translation>已生成问题</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>销号</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Department&apos;s feedback overdue</source>
        <translation>部门反馈超时</translation>
    </message>
    <message>
        <source>Closed late</source>
        <translation>超时销号</translation>
    </message>
    <message>
        <source>Report to the leader at once</source>
        <translation>须立即报告领导</translation>
    </message>
    <message>
        <source>Second remedy</source>
        <translation>二次补救</translation>
    </message>
</context>
<context>
    <name>ComplaintsModel</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Vehicle / staff</source>
        <translation>车辆 / 人员</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Major (重大)</source>
        <translation>重大</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <source>Complaints</source>
        <translation>投诉与意见</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>全部未销号</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Any channel</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>只看超时</translation>
    </message>
    <message>
        <source>Search number, vehicle, what happened…</source>
        <translation>搜索编号、车辆、事情经过…</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <source>Register a complaint, enquiry, report or suggestion (登记)</source>
        <translation>登记投诉、咨询、举报或建议</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>No case matches these filters.</source>
        <translation>没有符合筛选条件的投诉。</translation>
    </message>
    <message>
        <source>No complaints yet. The quality office registers each complaint, enquiry, report or suggestion with “New case…”.</source>
        <translation>还没有投诉。质量办用“登记…”受理每一件投诉、咨询、举报或建议。</translation>
    </message>
    <message>
        <source>{number} registered.</source>
        <translation>{number} 已登记。</translation>
    </message>
</context>
<context>
    <name>CopyToMonthDialog</name>
    <message>
        <source>Copy {code} v{version} to a month</source>
        <translation>将 {code} 第 {version} 版复制到月份</translation>
    </message>
    <message>
        <source>v{version}, {status}</source>
        <translation>第 {version} 版（{status}）</translation>
    </message>
    <message>
        <source>{source}, for {month}</source>
        <translation>{source}，适用于 {month}</translation>
    </message>
    <message>
        <source>A new draft of {code} · {title} starts as an exact copy of {source}. Edit it, then publish it for the month; the version it was copied from stays as it is.</source>
        <translation>将以 {source} 为蓝本，原样复制出 {code} · {title} 的新草稿。修改后再发布到该月份；被复制的原版本保持不变。</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>月份(&amp;M)</translation>
    </message>
    <message>
        <source>Start draft</source>
        <translation>新建草稿</translation>
    </message>
</context>
<context>
    <name>CreateNoticeDialog</name>
    <message>
        <source>Draw…</source>
        <translation>手写…</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>下发</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>My signature:</source>
        <translation>我的签名：</translation>
    </message>
    <message>
        <source>Correct notice {number}</source>
        <translation>更正通知单 {number}</translation>
    </message>
    <message>
        <source>The corrected notice gets a new number and replaces {number}, which is then marked superseded.</source>
        <translation>更正后的通知单将使用新编号并取代 {number}，原通知单随即标记为已作废。</translation>
    </message>
    <message>
        <source>Issue rectification notice</source>
        <translation>下发整改通知单</translation>
    </message>
    <message>
        <source>Inspection #{id}: {problems} open problem(s) for {units} unit(s); one notice is issued to each unit.</source>
        <translation>检查记录 #{id}：{units} 个单位共有 {problems} 个未整改问题；每个单位下发一份通知单。</translation>
    </message>
    <message>
        <source>The {general} general problem(s) are unticked: they are put right at once (立即整改) and checked; tick one to put it on the notice.</source>
        <translation>其中 {general} 项一般问题未勾选：一般问题责令立即整改并复查；如需列入通知单，请勾选。</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>My signature</source>
        <translation>我的签名</translation>
    </message>
    <message>
        <source>Sign below; the signature is printed on the notices you issue.</source>
        <translation>请在下方签名；签名将印在您下发的通知单上。</translation>
    </message>
    <message>
        <source>Preview of the notice to {unit}</source>
        <translation>发给{unit}的通知单预览</translation>
    </message>
    <message>
        <source>Issue…</source>
        <translation>下发…</translation>
    </message>
    <message numerus="yes">
        <source>Issue %n notice(s) now? An issued notice cannot be changed; a correction is a new notice.</source>
        <translation>
            <numerusform>现在下发 %n 份通知单？通知单下发后不能修改；如需更正，须另发新通知单。</numerusform>
        </translation>
    </message>
    <message>
        <source>Issued: {numbers}</source>
        <translation>已下发：{numbers}</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Inspections this month</source>
        <translation>本月检查</translation>
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
        <source>This month</source>
        <translation>本月</translation>
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
    <message>
        <source>Coverage this month</source>
        <translation>本月覆盖率</translation>
    </message>
    <message>
        <source>{registered} registered, {covered} inspected · {left} left</source>
        <translation>登记 {registered} · 已检 {covered} · 未检 {left}</translation>
    </message>
    <message>
        <source>{completed} completed · {drafts} in progress</source>
        <translation>已完成 {completed} · 进行中 {drafts}</translation>
    </message>
    <message>
        <source>Notices due this week</source>
        <translation>本周到期的通知单</translation>
    </message>
    <message>
        <source>Notices overdue</source>
        <translation>逾期的通知单</translation>
    </message>
    <message>
        <source>Closed on time this month</source>
        <translation>本月按时办结</translation>
    </message>
    <message>
        <source>{open} open in all</source>
        <translation>共 {open} 份未办结</translation>
    </message>
    <message>
        <source>Past the deadline, still open</source>
        <translation>已过整改期限，仍未办结</translation>
    </message>
    <message>
        <source>None past its deadline</source>
        <translation>没有逾期的通知单</translation>
    </message>
    <message>
        <source>{on_time} of {closed}</source>
        <translation>{on_time} / {closed}</translation>
    </message>
    <message>
        <source>Closed this month; on time = the reply came by the deadline</source>
        <translation>本月办结的通知单中，在整改期限内回复的</translation>
    </message>
    <message>
        <source>No notice closed this month yet</source>
        <translation>本月尚无办结的通知单</translation>
    </message>
</context>
<context>
    <name>DeviceIdentityGroup</name>
    <message>
        <source>none yet</source>
        <translation>尚未加入</translation>
    </message>
    <message>
        <source>A new laptop joins the organisation by importing the exchange file the quality office made for its user (File → Import an exchange file…).</source>
        <translation>新笔记本导入质量办为其用户制作的交换文件即可加入本单位（文件 → 导入交换文件…）。</translation>
    </message>
    <message>
        <source>Every record made here carries this device id. The quality office sees this laptop under its name.</source>
        <translation>在此记录的每条数据都带有这个设备编号。质量办以此名称识别这台笔记本。</translation>
    </message>
    <message>
        <source>Every record made here carries this device id. The laptops see this data folder under its name.</source>
        <translation>在此记录的每条数据都带有这个设备编号。各笔记本以此名称识别本数据文件夹。</translation>
    </message>
    <message>
        <source>This data folder</source>
        <translation>本数据文件夹</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Device id:</source>
        <translation>设备编号：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>身份：</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>所属单位：</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
</context>
<context>
    <name>DraftEditor</name>
    <message>
        <source>Covert visit: the notice will say 经暗访检查发现 and carry no inspector&apos;s name.</source>
        <translation>暗访：通知单将写明“经暗访检查发现”，且不显示检查人姓名。</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Required measure (整改要求)</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Recurred</source>
        <translation>再次发生</translation>
    </message>
    <message>
        <source>Untick to leave this problem off the notice</source>
        <translation>取消勾选即不将此问题列入通知单</translation>
    </message>
    <message>
        <source>A general problem is put right at once (立即整改); tick it to put it on the notice anyway</source>
        <translation>一般问题责令立即整改；如仍需列入通知单，请勾选</translation>
    </message>
    <message>
        <source>Recurred (再次发生)</source>
        <translation>再次发生</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>Addressee unit:</source>
        <translation>受文单位：</translation>
    </message>
    <message>
        <source>Head of the unit:</source>
        <translation>单位负责人：</translation>
    </message>
    <message>
        <source>Rectify within:</source>
        <translation>整改期限：</translation>
    </message>
    <message>
        <source>Double-click a description or a measure to change it; untick a problem to leave it off this notice.</source>
        <translation>双击问题描述或整改要求即可修改；取消勾选的问题不列入本通知单。</translation>
    </message>
    <message>
        <source>Deadline: {deadline}, follow-up {followup}</source>
        <translation>整改期限：{deadline}，复查：{followup}</translation>
    </message>
    <message>
        <source>(estimated: Monday–Friday, the official schedule for {year} is not entered yet)</source>
        <translation>（估算：按周一至周五计算，{year} 年的官方安排尚未录入）</translation>
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
        <source>The file {file} could not be written ({reason}).</source>
        <translation>无法写入文件 {file}（{reason}）。</translation>
    </message>
    <message>
        <source>The analysis is {length} characters long; keep it to {limit} characters.</source>
        <translation>分析共 {length} 字，请控制在 {limit} 字以内。</translation>
    </message>
    <message>
        <source>The report file {file} must end in .xlsx or .pdf.</source>
        <translation>报告文件 {file} 的扩展名必须是 .xlsx 或 .pdf。</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a date like 2026-12-06</source>
        <translation>“{value}”不是日期，应写成 2026-12-06 这样</translation>
    </message>
    <message>
        <source>holds a control character ({character}), which a name or note may not contain; remove it</source>
        <translation>含有控制字符（{character}），名称和说明中不能含有，请删除</translation>
    </message>
    <message>
        <source>is longer than the {limit} characters allowed</source>
        <translation>超过允许的 {limit} 个字符</translation>
    </message>
    <message>
        <source>the file is empty (0 bytes); save the template as .xlsx</source>
        <translation>文件是空的（0 字节）；请将模板另存为 .xlsx</translation>
    </message>
    <message>
        <source>this is a PDF document, not an Excel workbook; import the .xlsx file the PDF was made from</source>
        <translation>这是 PDF 文档，不是 Excel 工作簿；请导入生成该 PDF 的 .xlsx 文件</translation>
    </message>
    <message>
        <source>this is a zip archive with no Excel workbook inside; import an .xlsx file</source>
        <translation>这是压缩包，里面没有 Excel 工作簿；请导入 .xlsx 文件</translation>
    </message>
    <message>
        <source>this is a text file (such as CSV), not an Excel workbook; open it in Excel or WPS and save it as .xlsx</source>
        <translation>这是文本文件（如 CSV），不是 Excel 工作簿；请用 Excel 或 WPS 打开后另存为 .xlsx</translation>
    </message>
    <message>
        <source>this is not an Excel workbook; save the template as .xlsx</source>
        <translation>这不是 Excel 工作簿；请将模板另存为 .xlsx</translation>
    </message>
    <message>
        <source>the workbook is damaged; open it in Excel or WPS and save it again as .xlsx</source>
        <translation>工作簿已损坏；请用 Excel 或 WPS 打开后重新另存为 .xlsx</translation>
    </message>
    <message>
        <source>no sheet holds a template: expected an XLSForm sheet named survey, or a header row naming 检查项目 (or 检查内容, 项目, item)</source>
        <translation>没有工作表包含模板：应有名为 survey 的 XLSForm 工作表，或表头含“检查项目”（或 检查内容、项目、item）的工作表</translation>
    </message>
    <message>
        <source>the workbook has no sheet named {sheet} (it has: {found})</source>
        <translation>工作簿中没有名为 {sheet} 的工作表（现有：{found}）</translation>
    </message>
    <message>
        <source>the sheet is empty</source>
        <translation>工作表是空的</translation>
    </message>
    <message>
        <source>cells {range} are merged; unmerge them so that every row holds its own values</source>
        <translation>单元格 {range} 已合并；请取消合并，使每一行都有自己的值</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a supported type (supported: {expected})</source>
        <translation>“{value}”不是支持的类型（支持：{expected}）</translation>
    </message>
    <message>
        <source>groups nest two levels deep at most (section and sub-section)</source>
        <translation>分组最多嵌套两层（分类和子分类）</translation>
    </message>
    <message>
        <source>group &quot;{value}&quot; is never closed by an end group row</source>
        <translation>分组“{value}”缺少对应的 end group 行</translation>
    </message>
    <message>
        <source>end group without a begin group above it</source>
        <translation>end group 行上方没有对应的 begin group 行</translation>
    </message>
    <message>
        <source>a calculate row needs its expression in the calculation column (or a computed default)</source>
        <translation>计算（calculate）行须在 calculation 列写明计算式（或给出计算得出的默认值）</translation>
    </message>
    <message>
        <source>an item must sit between begin group and end group rows (in a section)</source>
        <translation>检查项目必须位于 begin group 与 end group 行之间（属于某个分类）</translation>
    </message>
    <message>
        <source>&quot;{value}&quot;: this column belongs on begin group rows only</source>
        <translation>“{value}”：此列只用于 begin group 行</translation>
    </message>
    <message>
        <source>&quot;{value}&quot;: this column belongs on item rows only</source>
        <translation>“{value}”：此列只用于检查项目行</translation>
    </message>
    <message>
        <source>item code &quot;{value}&quot; is already used in row {other_row}</source>
        <translation>项目编码“{value}”已在第 {other_row} 行使用</translation>
    </message>
    <message>
        <source>section code &quot;{value}&quot; is already used in row {other_row}</source>
        <translation>分类编码“{value}”已在第 {other_row} 行使用</translation>
    </message>
    <message>
        <source>the choices sheet has no list named &quot;{value}&quot; (used in {count} row(s))</source>
        <translation>choices 工作表中没有名为“{value}”的选项列表（有 {count} 行用到）</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a known choice (expected: {expected})</source>
        <translation>“{value}”不是可识别的选项（应为：{expected}）</translation>
    </message>
    <message>
        <source>the list &quot;{value}&quot; lacks the choices {missing}</source>
        <translation>选项列表“{value}”缺少选项 {missing}</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not yes or no (accepted: yes/no, true/false, 1/0, 是/否, √/×)</source>
        <translation>“{value}”不是“是”或“否”（可填：yes/no、true/false、1/0、是/否、√/×）</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is too small (the least allowed is {minimum})</source>
        <translation>“{value}”太小（最小为 {minimum}）</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a month in the form YYYY-MM (e.g. 2025-07)</source>
        <translation>“{value}”不是 YYYY-MM 格式的月份（如 2025-07）</translation>
    </message>
    <message>
        <source>the template code comes from the file name, and &quot;{value}&quot; is not a code; rename the file (e.g. T9.xlsx) or write 编码: T9 above the header</source>
        <translation>模板编码取自文件名，而“{value}”不是有效编码；请重命名文件（如 T9.xlsx），或在表头上方写“编码：T9”</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a code (up to 32 letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;, starting with a letter or digit)</source>
        <translation>“{value}”不是有效编码（最多 32 个字母、数字、“.”、“-”或“_”，以字母或数字开头）</translation>
    </message>
    <message>
        <source>the template needs a Chinese title</source>
        <translation>模板需要中文标题</translation>
    </message>
    <message>
        <source>the base score of a deduction template must be above 0</source>
        <translation>扣分制模板的基础分必须大于 0</translation>
    </message>
    <message>
        <source>the template has no items</source>
        <translation>模板中没有检查项目</translation>
    </message>
    <message>
        <source>section &quot;{value}&quot; needs a Chinese title</source>
        <translation>分类“{value}”需要中文标题</translation>
    </message>
    <message>
        <source>section &quot;{value}&quot; is nested more than two levels deep</source>
        <translation>分类“{value}”嵌套超过两层</translation>
    </message>
    <message>
        <source>section &quot;{value}&quot; names staff roles, but the template does not inspect staff</source>
        <translation>分类“{value}”限定了岗位，但该模板检查的不是人员</translation>
    </message>
    <message>
        <source>the deduction cap of section &quot;{value}&quot; is below 0</source>
        <translation>分类“{value}”的扣分上限小于 0</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not an item code (up to 32 letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;, starting with a letter or digit)</source>
        <translation>“{value}”不是有效的项目编码（最多 32 个字母、数字、“.”、“-”或“_”，以字母或数字开头）</translation>
    </message>
    <message>
        <source>the item has no Chinese text</source>
        <translation>检查项目没有中文内容</translation>
    </message>
    <message>
        <source>item &quot;{value}&quot; is a measured value and needs a threshold</source>
        <translation>检查项目“{value}”是数值项，需要设定合格下限</translation>
    </message>
    <message>
        <source>item &quot;{value}&quot; is not a measured value, so it takes no threshold</source>
        <translation>检查项目“{value}”不是数值项，不能设定合格下限</translation>
    </message>
    <message>
        <source>item &quot;{value}&quot; is a text item, which cannot veto</source>
        <translation>检查项目“{value}”是文字记录项，不能一票否决</translation>
    </message>
    <message>
        <source>item &quot;{value}&quot; has a negative deduction</source>
        <translation>检查项目“{value}”的扣分为负数</translation>
    </message>
    <message>
        <source>item &quot;{value}&quot; deducts more than the base score</source>
        <translation>检查项目“{value}”的扣分超过基础分</translation>
    </message>
    <message>
        <source>item &quot;{value}&quot; has a negative weight</source>
        <translation>检查项目“{value}”的分值为负数</translation>
    </message>
    <message>
        <source>item &quot;{value}&quot; needs at least 0 photos and at least 1 rectification day</source>
        <translation>检查项目“{value}”的拍照张数不能小于 0，整改天数不能小于 1</translation>
    </message>
    <message>
        <source>sheet {sheet}, row {row}, column {column}</source>
        <translation>工作表“{sheet}”第 {row} 行“{column}”列</translation>
    </message>
    <message>
        <source>sheet {sheet}, row {row}</source>
        <translation>工作表“{sheet}”第 {row} 行</translation>
    </message>
    <message>
        <source>sheet {sheet}, column {column}</source>
        <translation>工作表“{sheet}”“{column}”列</translation>
    </message>
    <message>
        <source>sheet {sheet}</source>
        <translation>工作表“{sheet}”</translation>
    </message>
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
        <source>Inspection {inspection} is completed and can no longer be edited.</source>
        <translation>检查记录 {inspection} 已完成，不能再修改。</translation>
    </message>
    <message>
        <source>Template {template} version {version} is a draft; inspections use published versions only.</source>
        <translation>检查表 {template} 第 {version} 版仍是草稿；检查只能使用已发布的版本。</translation>
    </message>
    <message>
        <source>No published version of checklist {template} covers {month}: the quality office publishes one for that month (or an earlier one) first.</source>
        <translation>检查表 {template} 没有适用于 {month} 的已发布版本：请质量办先发布该月（或更早月份）的版本。</translation>
    </message>
    <message>
        <source>Checklist {template} version {version} is not the one in force in {month} (version {in_force} is); an inspection uses the version published for the month it was observed in.</source>
        <translation>检查表 {template} 第 {version} 版不是 {month} 施行的版本（施行的是第 {in_force} 版）；检查使用检查发生当月发布施行的版本。</translation>
    </message>
    <message>
        <source>Inspection {inspection} uses {template} version {version}, which is not the version in force in {month}; start a new inspection for that month instead.</source>
        <translation>检查 {inspection} 使用的是 {template} 第 {version} 版，它不是 {month} 施行的版本；请为该月另行开始一次检查。</translation>
    </message>
    <message>
        <source>No {kind} with id {id} is in the registry.</source>
        <translation>基础档案中找不到 {kind}（ID {id}）。</translation>
    </message>
    <message>
        <source>No vehicle has the plate or fleet number &quot;{key}&quot;.</source>
        <translation>没有车牌号或自编号为“{key}”的车辆。</translation>
    </message>
    <message>
        <source>No staff member has the staff number &quot;{key}&quot;.</source>
        <translation>没有工号为“{key}”的人员。</translation>
    </message>
    <message>
        <source>Inspection {inspection} is still a draft: complete it before printing its report.</source>
        <translation>检查 {inspection} 仍是草稿：完成后才能打印检查记录。</translation>
    </message>
    <message>
        <source>None of the {count} inspection(s) chosen is completed: there is no report to write.</source>
        <translation>所选的 {count} 次检查都未完成，没有可导出的检查记录。</translation>
    </message>
    <message>
        <source>Give either an inspection ID or --month YYYY-MM (with --unit only together with --month).</source>
        <translation>请给出检查编号 ID 或 --month YYYY-MM（--unit 只能与 --month 一起使用）。</translation>
    </message>
    <message>
        <source>Inspection {inspection} was a covert visit: nobody on site acknowledges it.</source>
        <translation>检查 {inspection} 为暗访，不进行现场确认。</translation>
    </message>
    <message>
        <source>Give the name of the person who acknowledges the inspection on site.</source>
        <translation>请填写现场确认人的姓名。</translation>
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
        <source>Too many wrong passwords for &quot;{user}&quot; in a row: wait {seconds} s before trying again.</source>
        <translation>“{user}”连续输错密码次数过多：请等待 {seconds} 秒后再试。</translation>
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
        <source>There is no database at {file}; check creates none. Give the data folder with --data-dir, or restore the last backup (Tools → 备份与恢复).</source>
        <translation>{file} 处没有数据库；check 不会新建数据库。请用 --data-dir 指定数据文件夹，或恢复最近的备份（工具 → 备份与恢复）。</translation>
    </message>
    <message>
        <source>The database {file} is empty (it holds no Inspector data); check creates and migrates nothing and did not touch it. Restore the last backup (Tools → 备份与恢复).</source>
        <translation>数据库 {file} 是空的（没有任何督查数据）；检查不创建、不升级任何内容，也未改动该文件。请恢复最近的备份（工具 → 备份与恢复）。</translation>
    </message>
    <message>
        <source>The database {file} cannot be read: {reason}.</source>
        <translation>无法读取数据库 {file}：{reason}。</translation>
    </message>
    <message>
        <source>The database {file} has not been upgraded to this version yet (missing {pending}); check upgrades nothing. Open the data folder with the app or any other command once (it backs the file up first), then check again.</source>
        <translation>数据库 {file} 尚未升级到当前版本（缺少 {pending}）；检查不会升级数据库。请先用本程序或任一其他命令打开一次该数据文件夹（升级前会自动备份），再重新检查。</translation>
    </message>
    <message>
        <source>The database {file} is damaged ({reason}). Restore the last backup (Tools → 备份与恢复); nothing was changed.</source>
        <translation>数据库 {file} 已损坏（{reason}）。请恢复最近的备份（工具 → 备份与恢复）；未做任何更改。</translation>
    </message>
    <message>
        <source>Where the database should be, {file} is a folder or a device, not a file. Move it away or restore the last backup (Tools → 备份与恢复).</source>
        <translation>数据库所在位置 {file} 是文件夹或设备，不是文件。请将其移走，或恢复最近的备份（工具 → 备份与恢复）。</translation>
    </message>
    <message>
        <source>{file} is a link to {target}, not the database itself; Inspector does not follow it. Put the database file itself in the data folder.</source>
        <translation>{file} 是指向 {target} 的链接，不是数据库本身；本程序不跟随链接。请把数据库文件本身放在数据文件夹中。</translation>
    </message>
    <message>
        <source>The database {file} cannot be opened ({reason}). Check that the data folder exists and that you may write to it.</source>
        <translation>无法打开数据库 {file}（{reason}）。请检查数据文件夹是否存在、是否有写入权限。</translation>
    </message>
    <message>
        <source>The data folder {file} is a file, not a folder. Choose a folder (--data-dir).</source>
        <translation>数据文件夹 {file} 是一个文件，不是文件夹。请选择一个文件夹（--data-dir）。</translation>
    </message>
    <message>
        <source>{file} is read-only (the folder or the disk cannot be written); nothing was changed. Use a writable data folder.</source>
        <translation>{file} 为只读（文件夹或磁盘不可写入）；未做任何更改。请使用可写入的数据文件夹。</translation>
    </message>
    <message>
        <source>You have no permission to write {file}; nothing was changed.</source>
        <translation>您没有写入 {file} 的权限；未做任何更改。</translation>
    </message>
    <message>
        <source>The disk is full: {file} could not be written, and nothing half-written was kept. Free some space and try again.</source>
        <translation>磁盘已满：无法写入 {file}，未保留任何写了一半的内容。请清理空间后重试。</translation>
    </message>
    <message>
        <source>The disk failed while reading or writing {file} ({reason}). Check the disk, then restore the last backup (Tools → 备份与恢复) if the problem stays.</source>
        <translation>读写 {file} 时磁盘出错（{reason}）。请检查磁盘；如问题仍在，请恢复最近的备份（工具 → 备份与恢复）。</translation>
    </message>
    <message>
        <source>{file} is a device, a folder or another special file, not a regular file; nothing was read.</source>
        <translation>{file} 是设备、文件夹或其他特殊文件，不是普通文件；未读取任何内容。</translation>
    </message>
    <message>
        <source>The file {file} is {size_mb} MB, more than the {limit_mb} MB accepted; nothing was read. (The limit for photos is set in Settings.)</source>
        <translation>文件 {file} 大小为 {size_mb} MB，超过允许的 {limit_mb} MB；未读取任何内容。（照片大小上限可在“设置”中修改。）</translation>
    </message>
    <message>
        <source>The file {file} is {size_mb} MB, more than the {limit_mb} MB an import accepts; nothing was read.</source>
        <translation>文件 {file} 大小为 {size_mb} MB，超过导入允许的 {limit_mb} MB；未读取任何内容。</translation>
    </message>
    <message>
        <source>The file {file} has a cell longer than {limit} characters at line {row} — no name or note is that long (a quote left open?); nothing was imported.</source>
        <translation>文件 {file} 第 {row} 行有一个单元格超过 {limit} 个字符——名称和说明不会这么长（是否有未闭合的引号？）；未导入任何内容。</translation>
    </message>
    <message>
        <source>{file} is a device, a folder or another special file, not a regular file; nothing was written. Choose a file name.</source>
        <translation>{file} 是设备、文件夹或其他特殊文件，不是普通文件；未写入任何内容。请选择一个文件名。</translation>
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
        <source>The photo {file} cannot be used: {reason}. Nothing was saved.</source>
        <translation>照片 {file} 无法使用：{reason}。未保存任何内容。</translation>
    </message>
    <message>
        <source>The notice cannot be drawn: the image file {path} is missing. Rebuild the photo copies or remove the photo.</source>
        <translation>无法生成通知单：图片文件 {path} 缺失。请重建照片副本或移除该照片。</translation>
    </message>
    <message>
        <source>The notice cannot be drawn: the image file {path} is not a readable picture.</source>
        <translation>无法生成通知单：图片文件 {path} 不是可读取的图片。</translation>
    </message>
    <message>
        <source>The database has {count} problem(s), so the photo store was not cleaned; run &quot;inspector-cli check&quot; first.</source>
        <translation>数据库存在 {count} 个问题，因此未清理照片库；请先运行“inspector-cli check”。</translation>
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
        <source>{record} cannot be retired on {on}: it is in service only from {since}.</source>
        <translation>{record} 不能在 {on} 停用：它从 {since} 起才启用。</translation>
    </message>
    <message>
        <source>{record} cannot be back in service on {on}: it was retired on {retired_on}; give that day or a later one.</source>
        <translation>{record} 不能在 {on} 重新启用：它已于 {retired_on} 停用；请填写当天或之后的日期。</translation>
    </message>
    <message>
        <source>{record} cannot be retired or transferred on {on}, a day still to come; give today or an earlier day.</source>
        <translation>{record} 不能在尚未到来的 {on} 停用或调动；请填写今天或更早的日期。</translation>
    </message>
    <message>
        <source>{record} cannot be in service only from {on}: its first stretch ended on {until}.</source>
        <translation>{record} 的启用日期不能改为 {on}：它的第一段在用期已于 {until} 结束。</translation>
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
        <source>The time observed ({value}) is in the future; enter when it really happened.</source>
        <translation>发生时间（{value}）晚于当前时间，请填写实际发生的时间。</translation>
    </message>
    <message>
        <source>Inspection {inspection} cannot be completed yet: {count} item(s) still need attention.</source>
        <translation>检查记录 {inspection} 暂不能完成：还有 {count} 个检查项目需要处理。</translation>
    </message>
    <message>
        <source>Inspection {inspection} is not completed, so there is nothing to reopen.</source>
        <translation>检查记录 {inspection} 尚未完成，无需重新打开。</translation>
    </message>
    <message>
        <source>Please give a reason; it is kept in the audit trail.</source>
        <translation>请填写原因，原因将记入审计记录。</translation>
    </message>
    <message>
        <source>Inspection {inspection} cannot be reopened: its findings are already on a rectification notice.</source>
        <translation>检查记录 {inspection} 不能重新打开：其问题已列入整改通知。</translation>
    </message>
    <message>
        <source>Item {item} has not been answered yet.</source>
        <translation>检查项目 {item} 尚未作答。</translation>
    </message>
    <message>
        <source>That photo is not attached to item {item}.</source>
        <translation>该照片不属于检查项目 {item}。</translation>
    </message>
    <message>
        <source>These dates are entered both as holidays and as make-up working days: {dates}.</source>
        <translation>以下日期同时被设为节假日和调休上班日：{dates}。</translation>
    </message>
    <message>
        <source>A rectification period must be between 1 and {maximum} working days (not {value}).</source>
        <translation>整改期限须为 1 至 {maximum} 个工作日（当前为 {value}）。</translation>
    </message>
    <message>
        <source>No default rectification period is set for severity {severity}.</source>
        <translation>尚未为严重程度“{severity}”设置默认整改期限。</translation>
    </message>
    <message>
        <source>Another program is writing to the data folder {path} just now; try again in a moment.</source>
        <translation>另一个程序正在写入数据文件夹 {path}，请稍后再试。</translation>
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
        <source>The built-in template file {file} is missing; reinstall Inspector.</source>
        <translation>内置检查表文件 {file} 缺失，请重新安装服务质量督查。</translation>
    </message>
    <message>
        <source>Inspector&apos;s installation is incomplete: {files} missing from {folder}; reinstall Inspector.</source>
        <translation>服务质量督查的安装不完整：{folder} 中缺少 {files}，请重新安装服务质量督查。</translation>
    </message>
    <message>
        <source>Inspector&apos;s bundled files (package {package}) are not a folder on disk ({where}); reinstall Inspector.</source>
        <translation>服务质量督查的内置文件（包 {package}）不是磁盘上的文件夹（{where}），请重新安装服务质量督查。</translation>
    </message>
    <message>
        <source>&quot;{code}&quot; is not a template code: use up to {maximum} letters, digits, dots, dashes or underscores (e.g. T4).</source>
        <translation>“{code}”不是有效的检查表编码：最多 {maximum} 个字母、数字、点、短横线或下划线（如 T4）。</translation>
    </message>
    <message>
        <source>The template needs a Chinese title.</source>
        <translation>请填写检查表的中文名称。</translation>
    </message>
    <message>
        <source>The template code {code} is already used (by {existing}); choose another code.</source>
        <translation>检查表编码 {code} 已被使用（{existing}），请换一个编码。</translation>
    </message>
    <message>
        <source>Template {code} version {version} is used by {count} inspection(s) and cannot be deleted.</source>
        <translation>检查表 {code} 第 {version} 版已有 {count} 条检查记录使用，不能删除。</translation>
    </message>
    <message>
        <source>Template {template} has no item {item}.</source>
        <translation>检查表 {template} 中没有检查项目 {item}。</translation>
    </message>
    <message>
        <source>Template {template} has no section {section}.</source>
        <translation>检查表 {template} 中没有分类 {section}。</translation>
    </message>
    <message>
        <source>Template {template} already has an item {item}; item codes must be unique.</source>
        <translation>检查表 {template} 中已有检查项目 {item}；项目编码不能重复。</translation>
    </message>
    <message>
        <source>Template {template} already has a section {section}; section codes must be unique.</source>
        <translation>检查表 {template} 中已有分类 {section}；分类编码不能重复。</translation>
    </message>
    <message>
        <source>Sections nest one level only; {section} cannot go there.</source>
        <translation>分类最多只能嵌套一层，{section} 不能移到这里。</translation>
    </message>
    <message>
        <source>Item {item} is in a section for other staff roles and does not apply to {subject}.</source>
        <translation>检查项目 {item} 所在分类只适用于其他岗位，不适用于 {subject}。</translation>
    </message>
    <message>
        <source>Item {item} is not a measured (numeric) item.</source>
        <translation>检查项目 {item} 不是数值项。</translation>
    </message>
    <message>
        <source>Item {item} is measured but has no threshold to compare the reading with.</source>
        <translation>检查项目 {item} 是数值项，但没有设定合格下限，无法判断读数是否合格。</translation>
    </message>
    <message>
        <source>Item {item} is a pass/fail item and takes no reading (&quot;{value}&quot;).</source>
        <translation>检查项目 {item} 按合格/不合格判定，不能填写读数（“{value}”）。</translation>
    </message>
    <message>
        <source>The signature cannot be used: it must be a whole PNG picture of at most {limit_mb} MB.</source>
        <translation>无法使用该签名：签名须为完整的 PNG 图片，且不超过 {limit_mb} MB。</translation>
    </message>
    <message>
        <source>The picture {file} cannot be used on notices: it must be a whole PNG or JPEG image of at most {limit_mb} MB.</source>
        <translation>图片 {file} 无法用于通知单：须为完整的 PNG 或 JPEG 图片，且不超过 {limit_mb} MB。</translation>
    </message>
    <message>
        <source>A holiday range of {days} days is too long; enter at most {maximum} days at a time.</source>
        <translation>节假日区间 {days} 天过长；每次最多录入 {maximum} 天。</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a week: give an ISO week as YYYY-Www, e.g. 2026-W49.</source>
        <translation>“{value}”不是有效的周：请按 ISO 周写成 YYYY-Www，例如 2026-W49。</translation>
    </message>
    <message>
        <source>The account &quot;{user}&quot; may have the complaints report of its own unit only.</source>
        <translation>账户“{user}”只能查看本单位的投诉报告。</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a month: give it as YYYY-MM, e.g. 2026-11.</source>
        <translation>“{value}”不是有效的月份：请写成 YYYY-MM，例如 2026-11。</translation>
    </message>
    <message>
        <source>The account &quot;{user}&quot; is switched off.</source>
        <translation>账号“{user}”已停用。</translation>
    </message>
    <message>
        <source>Item {item} is no longer in the inspection&apos;s checklist version; the finding cannot be printed.</source>
        <translation>检查项目 {item} 已不在该检查所用的检查表版本中；无法打印此问题。</translation>
    </message>
    <message>
        <source>Photo {photo} cannot be read from the photo store; run the integrity check.</source>
        <translation>无法从照片库读取照片 {photo}；请运行完整性检查。</translation>
    </message>
    <message>
        <source>Finding {finding} does not belong to inspection {inspection}.</source>
        <translation>问题 {finding} 不属于检查记录 {inspection}。</translation>
    </message>
    <message>
        <source>Finding {finding} is already on a rectification notice.</source>
        <translation>问题 {finding} 已列入整改通知单。</translation>
    </message>
    <message>
        <source>Inspection {inspection} has no open findings left to put on a notice.</source>
        <translation>检查记录 {inspection} 已没有可列入通知单的未整改问题。</translation>
    </message>
    <message>
        <source>Inspection {inspection} has only general problems ({general}): they are to be put right at once (立即整改) and checked, not given a notice. To put one on a notice anyway, choose it.</source>
        <translation>检查 {inspection} 只有一般问题（{general} 项）：一般问题责令立即整改并复查，不下发整改通知单。如仍需列入通知单，请选择该问题。</translation>
    </message>
    <message>
        <source>Finding {item} has no responsible unit; set the inspection&apos;s unit first.</source>
        <translation>问题 {item} 没有责任单位；请先设置该检查的单位。</translation>
    </message>
    <message>
        <source>Notice {notice} has no failed follow-up waiting to be reissued.</source>
        <translation>通知单 {notice} 没有待重新下发的未通过复查。</translation>
    </message>
    <message>
        <source>Notice {notice} is {status} and can no longer be corrected.</source>
        <translation>通知单 {notice} 的状态为 {status}，不能再更正。</translation>
    </message>
    <message>
        <source>Notice {notice} is {status}: this step does not apply to it any more.</source>
        <translation>通知单 {notice} 的状态为 {status}：此步骤已不适用。</translation>
    </message>
    <message>
        <source>Only walk-around findings can be closed as fixed on the spot ({item}).</source>
        <translation>只有走动巡查发现的问题才能按日清日结关闭（{item}）。</translation>
    </message>
    <message>
        <source>Finding {item} is already {status}.</source>
        <translation>问题 {item} 的状态已是 {status}。</translation>
    </message>
    <message>
        <source>The notice needs its addressee: the unit and the name of its head.</source>
        <translation>通知单须填写受文单位及其负责人姓名。</translation>
    </message>
    <message>
        <source>Problem {item} needs a description.</source>
        <translation>问题 {item} 需要填写问题描述。</translation>
    </message>
    <message>
        <source>Enter the name of the person who signs for the notice.</source>
        <translation>请填写通知单签收人姓名。</translation>
    </message>
    <message>
        <source>Enter the measures the unit has taken.</source>
        <translation>请填写单位已采取的整改措施。</translation>
    </message>
    <message>
        <source>Enter who replied for the unit.</source>
        <translation>请填写代表单位回复的人员。</translation>
    </message>
    <message>
        <source>The reply date {date} must lie between the day of issue ({issued}) and today.</source>
        <translation>回复日期 {date} 须在下发日期（{issued}）与今天之间。</translation>
    </message>
    <message>
        <source>Give a follow-up result for problem {position} ({item}).</source>
        <translation>请填写第 {position} 个问题（{item}）的复查结果。</translation>
    </message>
    <message>
        <source>The notice has no problem number {position}.</source>
        <translation>通知单中没有第 {position} 个问题。</translation>
    </message>
    <message>
        <source>The PDF of notice {notice} is missing ({path}); run the integrity check.</source>
        <translation>通知单 {notice} 的 PDF 缺失（{path}）；请运行完整性检查。</translation>
    </message>
    <message>
        <source>The PDF of notice {notice} was changed after issue ({path}); it is not used. Run the integrity check.</source>
        <translation>通知单 {notice} 的 PDF 在下发后被改动（{path}），不予使用。请运行完整性检查。</translation>
    </message>
    <message>
        <source>Only the notice itself is signed, not its record: use either --sign or --record.</source>
        <translation>只能对通知单本身签名，不能对其记录签名：--sign 和 --record 只能选用其一。</translation>
    </message>
    <message>
        <source>Upgrading {file} left {problems} broken references; the backup made before the upgrade (in the backups folder) is untouched.</source>
        <translation>升级 {file} 后有 {problems} 处引用失效；升级前所做的备份（在 backups 文件夹中）完好无损。</translation>
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
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>it is not a picture</source>
        <translation>这不是图片文件</translation>
    </message>
    <message>
        <source>the file ends too early (an incomplete copy or download)</source>
        <translation>文件不完整（可能未复制或下载完整）</translation>
    </message>
    <message>
        <source>part of the picture data is damaged</source>
        <translation>部分图片数据已损坏</translation>
    </message>
    <message>
        <source>{format} pictures are not accepted; use JPEG, PNG or HEIC</source>
        <translation>不支持 {format} 格式的图片，请使用 JPEG、PNG 或 HEIC</translation>
    </message>
    <message>
        <source>it has {megapixels} megapixels, more than the {limit} accepted</source>
        <translation>图片为 {megapixels} 百万像素，超过了允许的 {limit} 百万像素</translation>
    </message>
    <message>
        <source>its colour format ({mode}) is not supported</source>
        <translation>不支持其颜色格式（{mode}）</translation>
    </message>
    <message>
        <source>it is not an Inspector database</source>
        <translation>它不是本程序的数据库</translation>
    </message>
    <message>
        <source>{field}: {reason}</source>
        <translation>{field}：{reason}</translation>
    </message>
    <message>
        <source>{where}: {reason}</source>
        <translation>{where}：{reason}</translation>
    </message>
    <message>
        <source>row {row}, column {column}</source>
        <translation>第 {row} 行，“{column}”列</translation>
    </message>
    <message>
        <source>This data folder has no certificate authority yet; the quality office creates it with &quot;certs init-ca&quot;.</source>
        <translation>此数据文件夹还没有 CA；由质量办用“certs init-ca”创建。</translation>
    </message>
    <message>
        <source>This data folder already has its certificate authority (held by {holder}); there is only one.</source>
        <translation>此数据文件夹已有 CA（持有人：{holder}）；只能有一个。</translation>
    </message>
    <message>
        <source>Only {holder}, who created the certificate authority, may issue certificates.</source>
        <translation>只有创建 CA 的 {holder} 可以签发证书。</translation>
    </message>
    <message>
        <source>The account &quot;{user}&quot; is switched off and cannot get a certificate.</source>
        <translation>账号“{user}”已停用，不能获取证书。</translation>
    </message>
    <message>
        <source>&quot;{user}&quot; has no signing certificate yet; ask the quality office to run &quot;certs issue {user}&quot;.</source>
        <translation>“{user}”还没有签名证书；请质量办运行“certs issue {user}”。</translation>
    </message>
    <message>
        <source>The signing certificate of &quot;{user}&quot; expired on {not_after}; ask the quality office for a new one.</source>
        <translation>“{user}”的签名证书已于 {not_after} 过期；请向质量办申请新证书。</translation>
    </message>
    <message>
        <source>The signing key of &quot;{user}&quot; is locked with an earlier password (the password was reset); ask the quality office to run &quot;certs issue {user}&quot;.</source>
        <translation>“{user}”的签名密钥仍由旧密码加密（密码已被重置）；请质量办运行“certs issue {user}”。</translation>
    </message>
    <message>
        <source>The password does not unlock the signing key.</source>
        <translation>该密码无法解锁签名密钥。</translation>
    </message>
    <message>
        <source>A covert notice is signed with the office seal certificate, and this data folder has none yet; the holder of the certificate authority creates it with &quot;certs init-seal&quot;.</source>
        <translation>暗访通知单须以检查专用章证书签署，本数据文件夹尚无此证书；由证书颁发机构的持有人用 “certs init-seal” 创建。</translation>
    </message>
    <message>
        <source>This data folder already has its office seal certificate; give quality-office members a copy with &quot;certs grant-seal USER&quot;.</source>
        <translation>此数据文件夹已有检查专用章证书；请用“certs grant-seal 用户名”为质量办成员分发密钥副本。</translation>
    </message>
    <message>
        <source>A covert notice is signed with the office seal, never with a personal certificate, and &quot;{user}&quot; holds no copy of the seal key yet; ask the holder of the certificate authority to run &quot;certs grant-seal {user}&quot;.</source>
        <translation>暗访整改通知单只用检查专用章签名，绝不使用个人证书，而“{user}”尚未持有检查专用章密钥副本；请证书颁发机构的持有人运行“certs grant-seal {user}”。</translation>
    </message>
    <message>
        <source>The office seal is held by the quality office only; &quot;{user}&quot; ({role}) cannot apply it, so covert notices are signed by the quality office.</source>
        <translation>检查专用章仅由质量办持有；“{user}”（{role}）不能使用，暗访整改通知单由质量办签名。</translation>
    </message>
    <message>
        <source>The office seal certificate expired on {not_after}; the holder of the certificate authority must make a new one.</source>
        <translation>检查专用章证书已于 {not_after} 过期；须由证书颁发机构的持有人重新创建。</translation>
    </message>
    <message>
        <source>The copy of the office seal key of &quot;{user}&quot; is locked with an earlier password (the password was reset); ask the holder of the certificate authority to run &quot;certs grant-seal {user}&quot;.</source>
        <translation>“{user}”的检查专用章密钥副本仍由旧密码锁定（密码已被重置）；请证书颁发机构的持有人运行“certs grant-seal {user}”。</translation>
    </message>
    <message>
        <source>A signing key needs a password.</source>
        <translation>签名密钥需要设置密码。</translation>
    </message>
    <message>
        <source>The signing key is of a kind Inspector does not use; issue a new certificate.</source>
        <translation>该签名密钥的类型不受服务质量督查支持；请签发新证书。</translation>
    </message>
    <message>
        <source>The certificate could not be read (it is not a PEM certificate).</source>
        <translation>无法读取证书（不是 PEM 证书）。</translation>
    </message>
    <message>
        <source>The file {file} holds no certificate (expected a PEM file such as inspector-ca.pem).</source>
        <translation>文件 {file} 中没有证书（应为 PEM 文件，如 inspector-ca.pem）。</translation>
    </message>
    <message>
        <source>The PDF could not be read ({reason}).</source>
        <translation>无法读取 PDF（{reason}）。</translation>
    </message>
    <message>
        <source>{file} is a folder, not a PDF file: give the path of one signed PDF.</source>
        <translation>{file} 是文件夹，不是 PDF 文件：请给出一个已签名 PDF 的路径。</translation>
    </message>
    <message>
        <source>The password of &quot;{user}&quot; is needed to protect their new signing key: let them type it in a terminal, or set ${env}.</source>
        <translation>需要“{user}”的密码来保护其新的签名密钥：请本人在终端中输入，或设置 ${env}。</translation>
    </message>
    <message>
        <source>The backup {file} could not be written ({reason}); nothing was changed.</source>
        <translation>无法写入备份 {file}（{reason}）；未做任何更改。</translation>
    </message>
    <message>
        <source>{file} is a folder; give the name of the backup file to write.</source>
        <translation>{file} 是一个文件夹；请给出要写入的备份文件名。</translation>
    </message>
    <message>
        <source>{file} is not a database backup (it is not an SQLite file); nothing was changed.</source>
        <translation>{file} 不是数据库备份（不是 SQLite 文件）；未做任何更改。</translation>
    </message>
    <message>
        <source>The backup {file} is damaged (SQLite&apos;s integrity check: {problem}); nothing was changed.</source>
        <translation>备份 {file} 已损坏（SQLite 完整性检查：{problem}）；未做任何更改。</translation>
    </message>
    <message>
        <source>The backup {file} no longer matches the SHA-256 recorded when it was made (changed or incomplete copy); nothing was changed.</source>
        <translation>备份 {file} 与备份时记录的 SHA-256 不符（已被修改或复制不完整）；未做任何更改。</translation>
    </message>
    <message>
        <source>{file} is an SQLite file but not an Inspector database; nothing was changed.</source>
        <translation>{file} 是 SQLite 文件，但不是督查系统的数据库；未做任何更改。</translation>
    </message>
    <message>
        <source>The backup {file} was made by a newer version of Inspector (it has changes this version does not know: {unknown}); update Inspector first. Nothing was changed.</source>
        <translation>备份 {file} 由更新版本的督查系统生成（含本版本不认识的变更：{unknown}）；请先升级督查系统。未做任何更改。</translation>
    </message>
    <message>
        <source>The backup {file} was made by Inspector {version}, newer than this {current}; update Inspector first. Nothing was changed.</source>
        <translation>备份 {file} 由督查系统 {version} 生成，比当前的 {current} 更新；请先升级督查系统。未做任何更改。</translation>
    </message>
    <message>
        <source>Restoring {file} failed ({reason}); the database is as it was.</source>
        <translation>恢复 {file} 失败（{reason}）；数据库保持原样。</translation>
    </message>
    <message>
        <source>Inspector is open on {folder} (process {pid}); close it before restoring a backup.</source>
        <translation>督查系统正在使用 {folder}（进程 {pid}）；请先关闭它再恢复备份。</translation>
    </message>
    <message>
        <source>The database {file} cannot be read ({reason}); restore a backup (inspector-cli restore FILE, the backups are in the backups folder beside it).</source>
        <translation>无法读取数据库 {file}（{reason}）；请恢复一份备份（inspector-cli restore 文件，备份在旁边的 backups 文件夹中）。</translation>
    </message>
    <message>
        <source>The database {file} is busy with another change; try again in a moment.</source>
        <translation>数据库 {file} 正在进行其他更改；请稍后再试。</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a record id (a UUID version 7).</source>
        <translation>“{value}”不是记录编号（第 7 版 UUID）。</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a device id (a UUID).</source>
        <translation>“{value}”不是设备编号（UUID）。</translation>
    </message>
    <message>
        <source>{file} is empty (0 bytes); copy the exchange file again from where it was sent.</source>
        <translation>{file} 是空文件（0 字节）；请从发送处重新复制交换文件。</translation>
    </message>
    <message>
        <source>{file} is not an exchange file (.inspx).</source>
        <translation>{file} 不是交换文件（.inspx）。</translation>
    </message>
    <message>
        <source>{file} ends too early (an incomplete copy or download); copy it again.</source>
        <translation>{file} 不完整（复制或下载未完成）；请重新复制。</translation>
    </message>
    <message>
        <source>{file} is damaged: {member} cannot be read. Ask for the file again.</source>
        <translation>{file} 已损坏：无法读取 {member}。请对方重新发送。</translation>
    </message>
    <message>
        <source>{file} is a zip file but not an exchange file made by Inspector.</source>
        <translation>{file} 是 zip 文件，但不是本软件生成的交换文件。</translation>
    </message>
    <message>
        <source>{file} is refused: it holds a file named &quot;{member}&quot; that would be written outside its folder.</source>
        <translation>已拒收 {file}：其中的文件“{member}”会被写到所在文件夹之外。</translation>
    </message>
    <message>
        <source>{file} is refused: &quot;{member}&quot; is a link, which exchange files never contain.</source>
        <translation>已拒收 {file}：“{member}”是链接，交换文件不含链接。</translation>
    </message>
    <message>
        <source>{file} is refused: it holds &quot;{member}&quot; twice.</source>
        <translation>已拒收 {file}：其中“{member}”出现了两次。</translation>
    </message>
    <message>
        <source>{file} is refused: &quot;{member}&quot; is a folder entry, encrypted or compressed in a way exchange files never are.</source>
        <translation>已拒收 {file}：“{member}”是文件夹条目、已加密或压缩方式不符，交换文件不会这样。</translation>
    </message>
    <message>
        <source>{file} is refused: unpacked it would take more than {limit_mb} MB.</source>
        <translation>已拒收 {file}：解压后将超过 {limit_mb} MB。</translation>
    </message>
    <message>
        <source>{file} is refused: it holds {count} files, more than the {limit} accepted.</source>
        <translation>已拒收 {file}：其中有 {count} 个文件，超过上限 {limit} 个。</translation>
    </message>
    <message>
        <source>{file} is refused: &quot;{member}&quot; would unpack to {ratio} times its packed size (at most {limit} is accepted).</source>
        <translation>已拒收 {file}：“{member}”解压后是压缩大小的 {ratio} 倍（上限 {limit} 倍）。</translation>
    </message>
    <message>
        <source>{file} is refused: &quot;{member}&quot; is larger than {limit_mb} MB.</source>
        <translation>已拒收 {file}：“{member}”超过 {limit_mb} MB。</translation>
    </message>
    <message>
        <source>{file} is not signed; only files signed by a user of this organisation are accepted.</source>
        <translation>{file} 没有签名；只接收本单位用户签名的文件。</translation>
    </message>
    <message>
        <source>The signature of {file} cannot be read or does not match the file; the file may have been changed.</source>
        <translation>{file} 的签名无法读取或与文件不符；文件可能已被改动。</translation>
    </message>
    <message>
        <source>{file} is signed by &quot;{signer}&quot;, whose certificate was not issued by this organisation&apos;s quality office.</source>
        <translation>{file} 由“{signer}”签名，其证书不是本单位质量办签发的。</translation>
    </message>
    <message>
        <source>{file} is signed with a certificate of &quot;{signer}&quot; that is valid only from {not_before} to {not_after}.</source>
        <translation>{file} 所用“{signer}”的证书有效期为 {not_before} 至 {not_after}，现在无效。</translation>
    </message>
    <message>
        <source>{file} is signed with a certificate of &quot;{signer}&quot; that may not sign.</source>
        <translation>{file} 所用“{signer}”的证书不允许用于签名。</translation>
    </message>
    <message>
        <source>{file} says it was sent by &quot;{user}&quot; but is signed by &quot;{signer}&quot;.</source>
        <translation>{file} 注明由“{user}”发送，签名的却是“{signer}”。</translation>
    </message>
    <message>
        <source>{file} was changed after it was signed ({member}); it is refused. Ask for the file again.</source>
        <translation>{file} 在签名后被改动（{member}），已拒收。请对方重新发送。</translation>
    </message>
    <message>
        <source>{file} is incomplete: &quot;{member}&quot; is missing.</source>
        <translation>{file} 不完整：缺少“{member}”。</translation>
    </message>
    <message>
        <source>{file} holds &quot;{member}&quot;, which was added after signing; it is refused.</source>
        <translation>{file} 中的“{member}”是签名后加入的，已拒收。</translation>
    </message>
    <message>
        <source>{file} holds &quot;{member}&quot;, which exchange files do not have; it is refused.</source>
        <translation>{file} 中有交换文件不应有的“{member}”，已拒收。</translation>
    </message>
    <message>
        <source>{file}: line {line} of {member} cannot be read; the file is refused.</source>
        <translation>{file}：{member} 第 {line} 行无法读取，已拒收该文件。</translation>
    </message>
    <message>
        <source>{file}: {member} should hold {declared} but holds {found}; the file is refused.</source>
        <translation>{file}：{member} 应含 {declared}，实含 {found}，已拒收该文件。</translation>
    </message>
    <message>
        <source>{file}: the field {field} of its description (bag-info.txt) is missing or unreadable.</source>
        <translation>{file}：说明文件（bag-info.txt）中的字段 {field} 缺失或无法读取。</translation>
    </message>
    <message>
        <source>{file} was made in exchange format {version} by a newer version of Inspector (this one reads up to {newest}); update Inspector first.</source>
        <translation>{file} 由较新版本的本软件以交换格式 {version} 生成（本版本最高只能读取 {newest}）；请先升级软件。</translation>
    </message>
    <message>
        <source>{file} holds records of schema {schema}, written by a newer version of Inspector (this one reads up to {newest}); update Inspector first.</source>
        <translation>{file} 中的记录为结构版本 {schema}，由较新版本的本软件写入（本版本最高只能读取 {newest}）；请先升级软件。</translation>
    </message>
    <message>
        <source>{file}: line {line} of {member} is not valid JSON.</source>
        <translation>{file}：{member} 第 {line} 行不是有效的 JSON。</translation>
    </message>
    <message>
        <source>{file}: line {line} of {member} is not a valid record ({detail}).</source>
        <translation>{file}：{member} 第 {line} 行不是有效的记录（{detail}）。</translation>
    </message>
    <message>
        <source>{file}: line {line} of {member} is a record of another kind ({kind}).</source>
        <translation>{file}：{member} 第 {line} 行是另一类记录（{kind}）。</translation>
    </message>
    <message>
        <source>{file}: line {line} of {member} is longer than {limit_mb} MB.</source>
        <translation>{file}：{member} 第 {line} 行超过 {limit_mb} MB。</translation>
    </message>
    <message>
        <source>{file}: the record on line {line} of {member} does not match its hash.</source>
        <translation>{file}：{member} 第 {line} 行的记录与其哈希值不符。</translation>
    </message>
    <message>
        <source>{file}: line {line} of {member} is not written in the one form records travel in.</source>
        <translation>{file}：{member} 第 {line} 行不是记录传输所用的规范格式。</translation>
    </message>
    <message>
        <source>{file} does not hold the photo {photo}.</source>
        <translation>{file} 中没有照片 {photo}。</translation>
    </message>
    <message>
        <source>The exchange file {file} could not be written ({reason}); nothing was saved.</source>
        <translation>无法写入交换文件 {file}（{reason}）；未保存任何内容。</translation>
    </message>
    <message>
        <source>Photo {photo} is missing from the photo store ({path}); run the integrity check.</source>
        <translation>照片库中缺少照片 {photo}（{path}）；请运行完整性检查。</translation>
    </message>
    <message>
        <source>Photo {photo} in the photo store was changed ({path}); it is not sent. Run the integrity check.</source>
        <translation>照片库中的照片 {photo} 已被改动（{path}），不予发送。请运行完整性检查。</translation>
    </message>
    <message>
        <source>Cancelled ({file}); nothing was changed.</source>
        <translation>已取消（{file}）；未做任何更改。</translation>
    </message>
    <message>
        <source>The record {record} cannot be taken in: {reason}. Nothing of the file was imported.</source>
        <translation>记录 {record} 无法导入：{reason}。该文件的内容均未导入。</translation>
    </message>
    <message>
        <source>The record {record} points at a {kind} ({id}) this data folder does not have; nothing of the file was imported. Import the earlier exchange files from the same sender first.</source>
        <translation>记录 {record} 引用了本数据文件夹中没有的{kind}（{id}），该文件的内容均未导入。请先导入同一发送方更早的交换文件。</translation>
    </message>
    <message>
        <source>Conflict: the record {record} is here already with other content; nothing of the file was imported. Ask the quality office (records are never overwritten).</source>
        <translation>冲突：记录 {record} 已存在且内容不同，该文件的内容均未导入。请联系质量办（记录从不覆盖）。</translation>
    </message>
    <message>
        <source>{file} carries the record {record}, which its sender did not make; nothing was imported.</source>
        <translation>{file} 含有并非发送方创建的记录 {record}，未导入任何内容。</translation>
    </message>
    <message>
        <source>{file} comes from a laptop but carries {record}, which only the quality office makes; nothing was imported.</source>
        <translation>{file} 来自笔记本电脑，却含有只能由质量办创建的 {record}，未导入任何内容。</translation>
    </message>
    <message>
        <source>This data folder does not belong to an organisation yet: import the exchange file the quality office made for you first.</source>
        <translation>本数据文件夹尚未加入任何单位：请先导入质量办为您制作的交换文件。</translation>
    </message>
    <message>
        <source>This is the quality office&apos;s data folder: export a file for one user&apos;s laptop (exchange export --for USER).</source>
        <translation>这是质量办的数据文件夹：请为某位用户的笔记本电脑导出文件（exchange export --for 用户）。</translation>
    </message>
    <message>
        <source>Only the quality office&apos;s data folder makes files for a user&apos;s laptop; a laptop sends its own records to the office (exchange export without --for).</source>
        <translation>只有质量办的数据文件夹才能为用户的笔记本电脑制作文件；笔记本电脑把自己的记录发给质量办（exchange export，不带 --for）。</translation>
    </message>
    <message>
        <source>--all belongs to a laptop&apos;s file; the office&apos;s file for a user always holds all they need.</source>
        <translation>--all 只用于笔记本电脑的文件；质量办为用户制作的文件总是包含其所需的全部内容。</translation>
    </message>
    <message>
        <source>{user} has no signing certificate here, and an exchange file must be signed. The quality office issues one (certs issue {user}) and sends it with the next file for {user}.</source>
        <translation>{user} 在此没有签名证书，而交换文件必须签名。请质量办签发证书（certs issue {user}），并随下一份给 {user} 的文件发送。</translation>
    </message>
    <message>
        <source>The notice PDF {document} is missing; run the integrity check. Nothing was written.</source>
        <translation>整改通知单 PDF {document} 缺失，请运行完整性检查。未写入任何内容。</translation>
    </message>
    <message>
        <source>{file} is here already with other content than the notice in the exchange file; nothing was imported. Run the integrity check.</source>
        <translation>{file} 已存在，且内容与交换文件中的通知单不同，未导入任何内容。请运行完整性检查。</translation>
    </message>
    <message>
        <source>{file} would make this data folder a laptop of the organisation, but it already holds inspections of its own; join with a newly created data folder.</source>
        <translation>{file} 会使本数据文件夹成为单位的笔记本电脑，但这里已有自己的检查记录；请用新建的数据文件夹加入。</translation>
    </message>
    <message>
        <source>{file} is not a file from the quality office for a new laptop (it carries no CA certificate); nothing was imported.</source>
        <translation>{file} 不是质量办为新笔记本电脑制作的文件（不含 CA 证书），未导入任何内容。</translation>
    </message>
    <message>
        <source>{file} belongs to another organisation ({organisation}); nothing was imported.</source>
        <translation>{file} 属于其他单位（{organisation}），未导入任何内容。</translation>
    </message>
    <message>
        <source>{file} was made for another data folder, not for this one; nothing was imported.</source>
        <translation>{file} 是为另一个数据文件夹制作的，不是给本文件夹的，未导入任何内容。</translation>
    </message>
    <message>
        <source>{file} was made by this data folder itself; send it to the other side instead.</source>
        <translation>{file} 是本数据文件夹自己制作的，请把它发给对方。</translation>
    </message>
    <message>
        <source>{file} says it is file {sequence} from {sender}, but another file {sequence} from {sender} came in before; nothing was imported.</source>
        <translation>{file} 自称是 {sender} 的第 {sequence} 号文件，但此前已收到另一份 {sender} 的第 {sequence} 号文件，未导入任何内容。</translation>
    </message>
    <message>
        <source>{file} is signed by {user}, who has no account here; nothing was imported.</source>
        <translation>{file} 由 {user} 签名，而此处没有该账号，未导入任何内容。</translation>
    </message>
    <message>
        <source>A data folder&apos;s name is 1 to {limit} characters.</source>
        <translation>数据文件夹名称为 1 至 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The time {value} given for {field} is in the future; nothing was saved.</source>
        <translation>{field} 的时间 {value} 在将来;未保存任何内容。</translation>
    </message>
    <message>
        <source>The event ({event}) cannot be later than when the complaint was received ({received}).</source>
        <translation>事件时间({event})不能晚于受理时间({received})。</translation>
    </message>
    <message>
        <source>The work order number &quot;{value}&quot; may hold only letters, digits and dashes.</source>
        <translation>工单号“{value}”只能包含字母、数字和连字符。</translation>
    </message>
    <message>
        <source>Only a complaint or a report has a severity and a behaviour, not a {kind}.</source>
        <translation>只有投诉或举报才有定性和行为,{kind}没有。</translation>
    </message>
    <message>
        <source>The behaviour &quot;{behaviour}&quot; is not one of those the regulation lists for a {severity} complaint.</source>
        <translation>行为“{behaviour}”不在规范为{severity}列出的行为之中。</translation>
    </message>
    <message>
        <source>The complainant&apos;s phone number may hold only digits, spaces, +, - and brackets (3–20).</source>
        <translation>投诉人电话只能包含数字、空格、+、- 和括号(3–20 位)。</translation>
    </message>
    <message>
        <source>No vehicle has the plate or fleet number &quot;{key}&quot;; the closest are: {matches}. Nothing was saved.</source>
        <translation>没有车牌号或自编号为“{key}”的车辆;最接近的是:{matches}。未保存任何内容。</translation>
    </message>
    <message>
        <source>No vehicle has the plate or fleet number &quot;{key}&quot;, and none is close. Nothing was saved.</source>
        <translation>没有车牌号或自编号为“{key}”的车辆,也没有相近的。未保存任何内容。</translation>
    </message>
    <message>
        <source>No staff member has the staff number &quot;{key}&quot;; the closest are: {matches}. Nothing was saved.</source>
        <translation>没有工号为“{key}”的人员;最接近的是:{matches}。未保存任何内容。</translation>
    </message>
    <message>
        <source>No staff member has the staff number &quot;{key}&quot;, and none is close. Nothing was saved.</source>
        <translation>没有工号为“{key}”的人员,也没有相近的。未保存任何内容。</translation>
    </message>
    <message>
        <source>An investigation needs notes, the staff member&apos;s statement or a photo.</source>
        <translation>调查须有询问笔录、当事人书面说明或照片。</translation>
    </message>
    <message>
        <source>A 12319 work order needs its order number.</source>
        <translation>12319 工单须填写工单号。</translation>
    </message>
    <message>
        <source>Say what happened.</source>
        <translation>请填写事情经过。</translation>
    </message>
    <message>
        <source>The result needs the measures taken.</source>
        <translation>处理结果须写明处理措施。</translation>
    </message>
    <message>
        <source>An extension needs a written reason (the regulation: 需延长时间必须说明理由).</source>
        <translation>延期须书面说明理由(规范:需延长时间必须说明理由)。</translation>
    </message>
    <message>
        <source>An extension must end later than the present limit ({due}).</source>
        <translation>延期后的时限须晚于当前时限({due})。</translation>
    </message>
    <message>
        <source>The complaint is closed (销号); nothing more can be recorded.</source>
        <translation>该投诉已销号,不能再记录。</translation>
    </message>
    <message>
        <source>Only an enquiry can be answered on the spot and closed at once.</source>
        <translation>只有咨询可以当场答复并立即办结。</translation>
    </message>
    <message>
        <source>The complaint is {complaint_status}: an investigation comes before the result.</source>
        <translation>该投诉{complaint_status}:调查应在处理结果之前。</translation>
    </message>
    <message>
        <source>Record an investigation first: a result without investigation is not accepted. Nothing was saved.</source>
        <translation>请先记录调查:没有调查的处理结果不予接受。未保存任何内容。</translation>
    </message>
    <message>
        <source>The complaint is {complaint_status}; its result is already recorded.</source>
        <translation>该投诉{complaint_status};处理结果已记录。</translation>
    </message>
    <message>
        <source>The complaint is {complaint_status}: feedback to the complainant needs the result first.</source>
        <translation>该投诉{complaint_status}:须先有处理结果才能反馈投诉人。</translation>
    </message>
    <message>
        <source>The complaint is {complaint_status}: it closes only after the complainant&apos;s (basically) satisfied feedback. Nothing was saved.</source>
        <translation>该投诉{complaint_status}:须投诉人反馈满意或基本满意后才能销号。未保存任何内容。</translation>
    </message>
    <message>
        <source>Only a complaint found 有责 (liable) can make a finding.</source>
        <translation>只有认定有责的投诉才能生成问题。</translation>
    </message>
    <message>
        <source>Complaint {number} names no vehicle and no staff member to make a finding on.</source>
        <translation>投诉 {number} 未指明车辆或人员,无法生成问题。</translation>
    </message>
    <message>
        <source>A finding on item {item} needs the photos the checklist asks for when it fails; add them to the investigation first. Nothing was saved.</source>
        <translation>项目 {item} 不合格时检查表要求附照片;请先在调查中添加照片。未保存任何内容。</translation>
    </message>
    <message>
        <source>No published {kind} checklist has the item {item}.</source>
        <translation>没有已发布的{kind}检查表含有项目 {item}。</translation>
    </message>
    <message>
        <source>Complaint {number} concerns another unit; a manager reads those of their own unit.</source>
        <translation>投诉 {number} 属于其他单位;负责人只能查阅本单位的投诉。</translation>
    </message>
    <message>
        <source>Unknown step {step}.</source>
        <translation>未知步骤 {step}。</translation>
    </message>
    <message>
        <source>The day {day} is in the future: a comment book is entered after it was collected.</source>
        <translation>{day} 尚未到来：意见簿须在回收后录入。</translation>
    </message>
    <message>
        <source>The book of {day} cannot have been collected at {at} (before that day, or in the future).</source>
        <translation>{day} 的意见簿不可能在 {at} 回收（早于当天或在将来）。</translation>
    </message>
    <message>
        <source>{count} entries for one book is more than {limit}: check what was typed. Nothing was saved.</source>
        <translation>一本意见簿 {count} 条超过上限 {limit} 条，请检查录入内容。未保存任何内容。</translation>
    </message>
    <message>
        <source>Entry {position}: &quot;{value}&quot; is not praise, an opinion or a complaint (praise:, opinion:, complaint: or 表扬：, 意见：, 投诉：).</source>
        <translation>第 {position} 条：“{value}”不是表扬、意见或投诉（请写成 表扬：、意见：、投诉：或 praise:、opinion:、complaint:）。</translation>
    </message>
    <message>
        <source>Entry {position} says nothing. Nothing was saved.</source>
        <translation>第 {position} 条没有内容。未保存任何内容。</translation>
    </message>
    <message>
        <source>The comment book of {vehicle} for {day} was collected already; add nothing twice.</source>
        <translation>{vehicle} {day} 的意见簿已经回收录入，不要重复录入。</translation>
    </message>
    <message>
        <source>Write the reply: the explanation or the improvement told to the passenger.</source>
        <translation>请填写反馈：向乘客作出的解释或改进措施。</translation>
    </message>
    <message>
        <source>Entry {position} is praise: it needs no reply (it is kept for the staff and vehicle files).</source>
        <translation>第 {position} 条是表扬，无需反馈（留存于人员和车辆档案）。</translation>
    </message>
    <message>
        <source>Entry {position} is praise: it cannot be registered as a complaint.</source>
        <translation>第 {position} 条是表扬，不能登记为投诉。</translation>
    </message>
    <message>
        <source>Entry {position} was registered as complaint {number} already: answer it in the register.</source>
        <translation>第 {position} 条已登记为投诉 {number}，请在投诉登记中办理。</translation>
    </message>
    <message>
        <source>Entry {position} in the book of {vehicle} was answered already; a reply is written once.</source>
        <translation>{vehicle} 意见簿第 {position} 条已反馈，反馈只能填写一次。</translation>
    </message>
    <message>
        <source>section {code}: {title}</source>
        <translation>分区 {code}：{title}</translation>
    </message>
    <message>
        <source>repeat {code} became a section (answered once per inspection): {title}</source>
        <translation>重复组 {code} 转为分区（每次检查作答一次）：{title}</translation>
    </message>
    <message>
        <source>pass/fail item {code}: {text}</source>
        <translation>合格/不合格检查项 {code}：{text}</translation>
    </message>
    <message>
        <source>measured item {code}: {text}</source>
        <translation>测量项 {code}：{text}</translation>
    </message>
    <message>
        <source>observation item {code} (not scored): {text}</source>
        <translation>记录项 {code}（不计分）：{text}</translation>
    </message>
    <message>
        <source>pass/fail item {code}: {text} — its choices ({choices}) are shown, the supervisor answers pass or fail</source>
        <translation>合格/不合格检查项 {code}：{text}——显示其选项（{choices}），督导员按合格或不合格作答</translation>
    </message>
    <message>
        <source>list &quot;{value}&quot; answers pass/fail: {mapping}</source>
        <translation>选项列表“{value}”按合格/不合格作答：{mapping}</translation>
    </message>
    <message>
        <source>photo question: item {code} asks for a photo when it fails</source>
        <translation>拍照题：检查项 {code} 不合格时要求拍照</translation>
    </message>
    <message>
        <source>note: added to the template description</source>
        <translation>说明：已加入模板说明</translation>
    </message>
    <message>
        <source>questions outside any group go into section {code}, named after the form</source>
        <translation>不在任何分组内的题目归入分区 {code}（以表单名称命名）</translation>
    </message>
    <message>
        <source>group &quot;{value}&quot; nests more than two levels deep: its questions go into section {code}</source>
        <translation>分组“{value}”嵌套超过两层：其题目归入分区 {code}</translation>
    </message>
    <message>
        <source>the name &quot;{value}&quot; is not a code; the code is {code}</source>
        <translation>名称“{value}”不是编码；编码为 {code}</translation>
    </message>
    <message>
        <source>section {code} has no label; its name is the title</source>
        <translation>分区 {code} 没有标签；以其名称作标题</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a template code; the template code is {code}</source>
        <translation>“{value}”不是模板编码；模板编码为 {code}</translation>
    </message>
    <message>
        <source>no form_id: the template code {code} comes from the file name</source>
        <translation>没有 form_id：模板编码 {code} 取自文件名</translation>
    </message>
    <message>
        <source>no settings sheet: the code and title come from the file name</source>
        <translation>没有 settings 工作表：编码和标题取自文件名</translation>
    </message>
    <message>
        <source>the workbook&apos;s macros were ignored (never run)</source>
        <translation>工作簿中的宏已忽略（从不运行）</translation>
    </message>
    <message>
        <source>read as an office checklist sheet: {items} items in {sections} sections</source>
        <translation>按质量办检查表读取：{sections} 个分区共 {items} 项</translation>
    </message>
    <message>
        <source>skipped {name}: &quot;{type}&quot; is form metadata, not a question</source>
        <translation>已跳过 {name}：“{type}”是表单元数据，不是题目</translation>
    </message>
    <message>
        <source>skipped {name}: a &quot;{type}&quot; question is not a checklist item</source>
        <translation>已跳过 {name}：“{type}”题不是检查项</translation>
    </message>
    <message>
        <source>skipped {name}: a question with several answers (&quot;{type}&quot;) has no pass/fail mapping</source>
        <translation>已跳过 {name}：多选题（“{type}”）无法对应合格/不合格</translation>
    </message>
    <message>
        <source>skipped {name}: the list &quot;{value}&quot; has {count} choices, which do not map to pass/fail</source>
        <translation>已跳过 {name}：选项列表“{value}”有 {count} 个选项，无法对应合格/不合格</translation>
    </message>
    <message>
        <source>skipped {name}: a number without a threshold (add a threshold column to check it)</source>
        <translation>已跳过 {name}：数值题没有限值（加 threshold 列即可作为测量项检查）</translation>
    </message>
    <message>
        <source>skipped {name}: a photo question not right after an item</source>
        <translation>已跳过 {name}：拍照题没有紧跟在检查项之后</translation>
    </message>
    <message>
        <source>skipped {name}: a note, not a question</source>
        <translation>已跳过 {name}：这是说明，不是题目</translation>
    </message>
    <message>
        <source>left out group {name}: none of its rows is a checklist item</source>
        <translation>未收入分组 {name}：其中没有任何检查项</translation>
    </message>
    <message>
        <source>the workbook is protected by a password; remove the password in Excel or WPS and save it again</source>
        <translation>工作簿设有密码保护；请在 Excel 或 WPS 中取消密码后重新保存</translation>
    </message>
    <message>
        <source>this is an Office file of another kind (such as a Word .doc), not an Excel workbook</source>
        <translation>这是其他类型的 Office 文件（例如 Word 的 .doc），不是 Excel 工作簿</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a valid XLSForm name (letters, digits, _, - and &apos;.&apos;, starting with a letter or _; no spaces)</source>
        <translation>“{value}”不是有效的 XLSForm 名称（由字母、数字、_、- 和 . 组成，以字母或 _ 开头，不含空格）</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; does not close what is open here (the group or repeat {group})</source>
        <translation>“{value}”与此处未结束的分组或重复组 {group} 不对应</translation>
    </message>
    <message>
        <source>no checklist items found: the {count} question row(s) listed below were all skipped</source>
        <translation>未找到任何检查项：下列 {count} 行题目均已跳过</translation>
    </message>
    <message>
        <source>{file} does not say what it inspects; choose the subject kind ({kinds})</source>
        <translation>{file} 没有注明检查对象；请选择检查对象类型（{kinds}）</translation>
    </message>
    <message>
        <source>{file} does not say what it inspects; give --subject KIND (one of: {kinds})</source>
        <translation>{file} 没有注明检查对象；请用 --subject KIND 指定（可选：{kinds}）</translation>
    </message>
    <message>
        <source>&quot;{dsn}&quot; is not a usable hub address: {reason}. Give it like postgresql://ROLE@SERVER:5432/DATABASE.</source>
        <translation>“{dsn}”不是可用的办公室服务器地址：{reason}。请按 postgresql://角色@服务器:5432/数据库 的格式填写。</translation>
    </message>
    <message>
        <source>The office hub {dsn} cannot be reached ({reason}). Work goes on here; sync again when the office network is there.</source>
        <translation>无法连接办公室服务器 {dsn}（{reason}）。本机可照常工作；连上办公室网络后再同步。</translation>
    </message>
    <message>
        <source>The office hub {dsn} refused the password of this device&apos;s role; ask the quality office for a new one (hub add-device) and run hub connect again.</source>
        <translation>办公室服务器 {dsn} 拒绝了本设备角色的密码；请质量办重新生成（hub add-device），然后再次运行 hub connect。</translation>
    </message>
    <message>
        <source>The connection to the office hub was lost ({reason}). What was sent is kept there and what came in is kept here; sync again later to go on.</source>
        <translation>与办公室服务器的连接中断（{reason}）。已上传的保留在服务器上，已下载的保留在本机；稍后再同步即可继续。</translation>
    </message>
    <message>
        <source>The office hub has schema version {found}, newer than this program knows ({known}); update Inspector on this machine first.</source>
        <translation>办公室服务器的结构版本为 {found}，比本程序支持的版本（{known}）新；请先在本机升级 Inspector。</translation>
    </message>
    <message>
        <source>This role may not create the hub&apos;s tables and roles ({reason}); run hub init with the DSN of the database&apos;s administrator.</source>
        <translation>此角色无权创建服务器的表和角色（{reason}）；请使用数据库管理员的 DSN 运行 hub init。</translation>
    </message>
    <message>
        <source>This office hub belongs to another organisation ({organisation}); nothing was changed.</source>
        <translation>该办公室服务器属于另一个单位（{organisation}）；未做任何更改。</translation>
    </message>
    <message>
        <source>The hub refused this device: {reason}. Each laptop needs a role of its own (hub add-device at the office).</source>
        <translation>服务器拒绝了本设备：{reason}。每台笔记本都需要自己的角色（由质量办运行 hub add-device）。</translation>
    </message>
    <message>
        <source>The hub role {role} was made for the laptop of {user}, but this data folder belongs to {joined}; nothing was changed.</source>
        <translation>服务器角色 {role} 是为 {user} 的笔记本创建的，但本数据文件夹属于 {joined}；未做任何更改。</translation>
    </message>
    <message>
        <source>The record at position {seq} on the office hub does not match its hash; nothing of it was taken in. Tell the quality office.</source>
        <translation>办公室服务器上第 {seq} 条记录与其哈希不符；未导入其中任何内容。请告知质量办。</translation>
    </message>
    <message>
        <source>The file of photo {photo} ({path}) no longer matches what was recorded; it is not sent. Run the integrity check.</source>
        <translation>照片 {photo} 的文件（{path}）与记录不再一致；未上传。请运行完整性检查。</translation>
    </message>
    <message>
        <source>The {copy} copy of photo {photo} on the office hub is damaged; nothing of this batch was taken in. Tell the quality office.</source>
        <translation>办公室服务器上照片 {photo} 的 {copy} 副本已损坏；本批内容均未导入。请告知质量办。</translation>
    </message>
    <message>
        <source>The office hub lists photo {photo} but does not hold its file yet; nothing of this batch was taken in. Sync again later.</source>
        <translation>办公室服务器列出了照片 {photo}，但尚无其文件；本批内容均未导入。请稍后再同步。</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the hub password in ({reason}); set the environment variable {variable} instead. The password is never kept in the database.</source>
        <translation>本机没有可保存服务器密码的密钥环（{reason}）；请改为设置环境变量 {variable}。密码从不保存在数据库中。</translation>
    </message>
    <message>
        <source>The keyring holds no password for the hub role {role}; run hub connect again with the DSN the quality office gave you, or set {variable}.</source>
        <translation>密钥环中没有服务器角色 {role} 的密码；请用质量办提供的 DSN 再次运行 hub connect，或设置 {variable}。</translation>
    </message>
    <message>
        <source>The hub already has a device named &quot;{name}&quot;; choose another name.</source>
        <translation>服务器上已有名为“{name}”的设备；请换一个名称。</translation>
    </message>
    <message>
        <source>Only the quality office&apos;s data folder (with the office CA) sets up the hub and adds devices.</source>
        <translation>只有质量办的数据文件夹（持有办公室 CA）才能设置服务器和添加设备。</translation>
    </message>
    <message>
        <source>No office hub is configured: at the office run hub init --dsn DSN, on a laptop hub connect DSN.</source>
        <translation>尚未配置办公室服务器：质量办运行 hub init --dsn DSN，笔记本运行 hub connect DSN。</translation>
    </message>
    <message>
        <source>Notice numbers come from the office hub ({dsn}), which cannot be reached now: connect to the office network and sync before issuing. Nothing was issued.</source>
        <translation>通知书编号由办公室服务器（{dsn}）分配，但现在无法连接：请连上办公室网络并同步后再签发。未签发任何通知书。</translation>
    </message>
    <message>
        <source>The database is not an Inspector hub yet: the office runs hub init --dsn DSN first.</source>
        <translation>该数据库还不是 Inspector 办公室服务器：请质量办先运行 hub init --dsn DSN。</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <source>Import an exchange file</source>
        <translation>导入交换文件</translation>
    </message>
    <message>
        <source>Exchange files (*.inspx)</source>
        <translation>交换文件 (*.inspx)</translation>
    </message>
    <message>
        <source>&amp;Export an exchange file…</source>
        <translation>导出交换文件(&amp;E)…</translation>
    </message>
    <message>
        <source>A signed .inspx file: from a laptop for the quality office, at the office for one user&apos;s laptop</source>
        <translation>签名的 .inspx 文件：笔记本发给质量办，质量办发给某个用户的笔记本</translation>
    </message>
    <message>
        <source>&amp;Import an exchange file…</source>
        <translation>导入交换文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Check a signed .inspx file and take in what it holds</source>
        <translation>校验签名的 .inspx 文件并导入其中的内容</translation>
    </message>
    <message>
        <source>E&amp;xchange status…</source>
        <translation>交换状态(&amp;X)…</translation>
    </message>
    <message>
        <source>Writing the exchange file {file}…</source>
        <translation>正在写入交换文件 {file}…</translation>
    </message>
    <message>
        <source>Exchange file written: {file} (file {sequence}; {records} records, {photos} photos).</source>
        <translation>交换文件已写入：{file}（第 {sequence} 号；{records} 条记录，{photos} 张照片）。</translation>
    </message>
    <message>
        <source>Checking and importing {file}…</source>
        <translation>正在校验并导入 {file}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>数据交换</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>the quality office</source>
        <translation>质量办</translation>
    </message>
    <message>
        <source>MMM d</source>
        <comment>the day in the exchange status line (QLocale format)</comment>
        <translation>M月d日</translation>
    </message>
</context>
<context>
    <name>ExchangeStatusDialog</name>
    <message>
        <source>Exchange status</source>
        <translation>交换状态</translation>
    </message>
    <message>
        <source>No exchange file has been sent or received yet.</source>
        <translation>尚未发送或收到任何交换文件。</translation>
    </message>
    <message>
        <source>Laptop or user</source>
        <translation>笔记本或用户</translation>
    </message>
    <message>
        <source>Last report</source>
        <translation>最近报送</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Received and Sent are the last file numbers. A missing file is a number from that sender that never came in: ask for it again (files are taken in any order). Waiting: records not yet acknowledged.</source>
        <translation>“已收”“已发”是最近一个文件的编号。缺失文件是指该发送方的某个编号一直没有收到：请对方重新发送（文件可按任意顺序导入）。待发送：对方尚未确认收到的记录。</translation>
    </message>
    <message>
        <source>Last sent</source>
        <translation>最近发送</translation>
    </message>
    <message>
        <source>no organisation yet</source>
        <translation>尚未加入单位</translation>
    </message>
    <message>
        <source>This data folder: {name} · {side} · {organisation}</source>
        <translation>本数据文件夹：{name} · {side} · {organisation}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>ExchangeSummaryDialog</name>
    <message>
        <source>Exchange file imported</source>
        <translation>交换文件已导入</translation>
    </message>
    <message>
        <source>{file} · file {sequence} from {sender}, signed by {user}</source>
        <translation>{file} · 来自{sender}的第 {sequence} 号文件，签名人：{user}</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Already here</source>
        <translation>已有</translation>
    </message>
    <message>
        <source>Files {numbers} from {sender} never arrived here; ask {sender} to send them again.</source>
        <translation>来自{sender}的第 {numbers} 号文件一直没有收到；请{sender}重新发送。</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>your user name</source>
        <translation>您的用户名</translation>
    </message>
    <message>
        <source>This data folder has joined the organisation: sign in as {user} with the password the quality office gave you.</source>
        <translation>本数据文件夹已加入本单位：请以 {user} 登录，密码为质量办告知您的密码。</translation>
    </message>
    <message>
        <source>Nothing new: this file came in before.</source>
        <translation>没有新内容：此文件以前已导入过。</translation>
    </message>
    <message>
        <source>Nothing new: everything in the file was here already.</source>
        <translation>没有新内容：文件中的所有内容本机都已有。</translation>
    </message>
    <message>
        <source>{count} new records and {photos} new photos came in.</source>
        <translation>已导入 {count} 条新记录和 {photos} 张新照片。</translation>
    </message>
</context>
<context>
    <name>ExchangeWords</name>
    <message>
        <source>Checklist versions</source>
        <translation>检查表版本</translation>
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
        <source>User accounts</source>
        <translation>用户账号</translation>
    </message>
    <message>
        <source>Signing certificates</source>
        <translation>签名证书</translation>
    </message>
    <message>
        <source>The office&apos;s CA certificate</source>
        <translation>质量办 CA 证书</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <source>Photo records</source>
        <translation>照片记录</translation>
    </message>
    <message>
        <source>Rectification notices</source>
        <translation>整改通知单</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>Units&apos; replies</source>
        <translation>整改回复</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>复查</translation>
    </message>
    <message>
        <source>Signed notice copies</source>
        <translation>签章通知单副本</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Acknowledgements</source>
        <translation>收讫确认</translation>
    </message>
    <message>
        <source>Photo files</source>
        <translation>照片文件</translation>
    </message>
    <message>
        <source>The quality office&apos;s data folder</source>
        <translation>质量办的数据文件夹</translation>
    </message>
    <message>
        <source>A laptop of the organisation</source>
        <translation>本单位的笔记本</translation>
    </message>
    <message>
        <source>Not joined to an organisation yet</source>
        <translation>尚未加入单位</translation>
    </message>
    <message>
        <source>Not yet exchanged with {office} · {count} waiting to be sent</source>
        <translation>尚未与{office}交换 · 待发送 {count} 条</translation>
    </message>
    <message>
        <source>Last exchange with {office}: {date} · {count} waiting to be sent</source>
        <translation>上次与{office}交换：{date} · 待发送 {count} 条</translation>
    </message>
    <message>
        <source>No exchange file received from a laptop yet</source>
        <translation>尚未收到笔记本的交换文件</translation>
    </message>
    <message>
        <source>Laptops reported: {count} · latest file {date} from {sender}</source>
        <translation>已报送笔记本：{count} 台 · 最近一次 {date}（{sender}）</translation>
    </message>
    <message>
        <source> · {count} files missing</source>
        <translation> · 缺失 {count} 个文件</translation>
    </message>
    <message>
        <source>Not joined to an organisation: import the exchange file from the quality office</source>
        <translation>尚未加入单位：请导入质量办发来的交换文件</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export an exchange file</source>
        <translation>导出交换文件</translation>
    </message>
    <message>
        <source>The file is for one user&apos;s laptop. It carries what that laptop needs: the organisation and its CA, the user&apos;s own account and signing key, the published checklists, the registry, the notices that concern the user, and the acknowledgement of what the office has received from them.</source>
        <translation>此文件发给某个用户的笔记本，包含该笔记本所需的内容：本单位及其 CA 证书、该用户本人的账号和签名密钥、已发布的检查表、基础档案、与该用户有关的整改通知单，以及质量办已收到其数据的收讫确认。</translation>
    </message>
    <message>
        <source>The file is for the quality office. It carries what was recorded on this laptop and the office has not acknowledged yet.</source>
        <translation>此文件发给质量办，包含在本笔记本上记录、质量办尚未确认收到的内容。</translation>
    </message>
    <message>
        <source>Everything recorded here, also what the office has acknowledged</source>
        <translation>本机记录的全部内容，包括质量办已确认收到的</translation>
    </message>
    <message>
        <source>For the laptop of:</source>
        <translation>发给谁的笔记本：</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Exchange files are signed with your certificate (“{name}”). Your password unlocks your signing key.</source>
        <translation>交换文件用您的证书（“{name}”）签名。您的密码用于解锁签名密钥。</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Your password:</source>
        <translation>您的密码：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Save the exchange file</source>
        <translation>保存交换文件</translation>
    </message>
    <message>
        <source>Exchange files (*.inspx)</source>
        <translation>交换文件 (*.inspx)</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <source>Extend the limit of {number}</source>
        <translation>{number} 延期</translation>
    </message>
    <message>
        <source>The regulation: a case that cannot be concluded in time needs a written reason (无法结案或需延长时间必须说明理由). The present limit is {due}.</source>
        <translation>规范要求：无法结案或需延长时间必须说明理由。当前时限为 {due}。</translation>
    </message>
    <message>
        <source>e.g. the driver is on leave until 19 November</source>
        <translation>例如：当事司机休假至11月19日</translation>
    </message>
    <message>
        <source>New limit:</source>
        <translation>新时限：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>延期</translation>
    </message>
</context>
<context>
    <name>FailPanel</name>
    <message>
        <source>What is wrong, e.g. seat 12 torn; rubbish under the rear seats</source>
        <translation>存在什么问题，如：12 号座椅破损；后排座椅下有垃圾</translation>
    </message>
    <message>
        <source>Enter confirms · Shift+Enter new line · Esc cancels · Alt+G / Alt+S severity · Ctrl+Shift+A adds a photo · Ctrl+V pastes one</source>
        <translation>Enter 确认 · Shift+Enter 换行 · Esc 取消 · Alt+G / Alt+S 严重程度 · Ctrl+Shift+A 添加照片 · Ctrl+V 粘贴照片</translation>
    </message>
    <message>
        <source>Se&amp;verity</source>
        <translation>严重程度(&amp;V)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Photos {have} / {needed}</source>
        <translation>照片 {have} / {needed}</translation>
    </message>
    <message>
        <source>Photos {have}</source>
        <translation>照片 {have}</translation>
    </message>
    <message>
        <source>This item needs {needed} photo(s) when it fails: Add photo… or Ctrl+Shift+A. You may move on without it (↓), but the inspection cannot be completed until it is added.</source>
        <translation>此项目不合格时需拍照 {needed} 张：点“添加照片…”或按 Ctrl+Shift+A。可以先不拍照继续（↓），但补齐照片前检查无法完成。</translation>
    </message>
    <message>
        <source>Photos needed for this item: {needed}; added: {have}.</source>
        <translation>此项目需照片 {needed} 张，已添加 {have} 张。</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>Feedback on {number}</source>
        <translation>{number} 反馈</translation>
    </message>
    <message>
        <source>The result was told to the complainant (反馈): what did they say? An unsatisfied complainant reopens the case for a second remedy (二次补救), with a new limit.</source>
        <translation>已向投诉人反馈处理结果，投诉人的意见是？不满意则重新处理（二次补救），并重新计算时限。</translation>
    </message>
    <message>
        <source>Satisfied (满意)</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Basically satisfied (基本满意)</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Unsatisfied (不满意)</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>e.g. told by phone on 17 November, 10:20</source>
        <translation>例如：11月17日10:20电话告知</translation>
    </message>
    <message>
        <source>Opinion:</source>
        <translation>意见：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Record feedback</source>
        <translation>记录反馈</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <source>Finding from {number}</source>
        <translation>由 {number} 生成问题</translation>
    </message>
    <message>
        <source>The case was found liable (有责): make a finding on the responsible unit, on the checklist item the problem belongs to. The notices page then carries it.</source>
        <translation>经查有责：在问题所属的检查项目上对责任单位生成问题，之后由整改通知单跟进。</translation>
    </message>
    <message>
        <source>Choose an item…</source>
        <translation>选择项目…</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <source>Make finding</source>
        <translation>生成问题</translation>
    </message>
</context>
<context>
    <name>FindingItemChoice</name>
    <message>
        <source>No finding</source>
        <translation>不生成问题</translation>
    </message>
</context>
<context>
    <name>FindingsActions</name>
    <message>
        <source>Create rectification notice…</source>
        <translation>创建整改通知单…</translation>
    </message>
    <message>
        <source>Issue a notice to the responsible unit for the open findings</source>
        <translation>就未整改问题向责任单位下发通知单</translation>
    </message>
    <message>
        <source>{count} open</source>
        <translation>{count} 个未整改</translation>
    </message>
    <message>
        <source>{count} on a notice</source>
        <translation>{count} 个已列入通知单</translation>
    </message>
    <message>
        <source>{count} closed</source>
        <translation>已关闭 {count} 个</translation>
    </message>
    <message>
        <source>{count} fixed on the spot</source>
        <translation>日清日结 {count} 个</translation>
    </message>
    <message>
        <source>Findings: {states}</source>
        <translation>问题：{states}</translation>
    </message>
    <message>
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>on a notice</source>
        <translation>已列入通知单</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>fixed on the spot</source>
        <translation>日清日结</translation>
    </message>
    <message>
        <source>Fixed on the spot…</source>
        <translation>日清日结…</translation>
    </message>
    <message>
        <source>日清日结: corrected while you were there; no notice is needed</source>
        <translation>日清日结：检查时已当场整改，无需下发通知单</translation>
    </message>
    <message>
        <source>Fixed on the spot</source>
        <translation>日清日结</translation>
    </message>
    <message>
        <source>What was done (optional):</source>
        <translation>处理情况（选填）：</translation>
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
    <name>FollowUpDialog</name>
    <message>
        <source>Follow-up of notice {number}</source>
        <translation>复查通知单 {number}</translation>
    </message>
    <message>
        <source>Check every problem of the notice to {unit} on the spot. A photo from the same spot as the one at issue shows best what changed.</source>
        <translation>请到现场逐一核查发给 {unit} 的通知单中的每个问题。在与原问题照片相同的位置拍照，最能看出整改前后的变化。</translation>
    </message>
    <message>
        <source>Optional: who was present, anything else seen</source>
        <translation>选填：在场人员、其他发现的情况</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>Record follow-up</source>
        <translation>录入复查结果</translation>
    </message>
    <message>
        <source>Overall note:</source>
        <translation>总体说明：</translation>
    </message>
    <message>
        <source>New deadline:</source>
        <translation>新的整改期限：</translation>
    </message>
    <message>
        <source>Choose passed or failed for every problem.</source>
        <translation>请为每个问题选择“通过”或“未通过”。</translation>
    </message>
    <message>
        <source>All passed: the notice will be closed.</source>
        <translation>全部通过：通知单将关闭。</translation>
    </message>
    <message>
        <source>{date} ({weekday})</source>
        <translation>{date}（{weekday}）</translation>
    </message>
    <message>
        <source>(estimated)</source>
        <translation>（预估）</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) failed: a new notice will be issued for them with a deadline of {date}.</source>
        <translation>
            <numerusform>%n 个问题未通过：将为其下发新的通知单，整改期限为 {date}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Follow-up recorded: the failed problems carry on in notice {number}, due {date}.</source>
        <translation>复查结果已录入：未通过的问题转入通知单 {number}，整改期限为 {date}。</translation>
    </message>
    <message>
        <source>Follow-up recorded: notice {number} is closed.</source>
        <translation>复查结果已录入：通知单 {number} 已关闭。</translation>
    </message>
    <message>
        <source>Follow-up recorded: the problems not fixed go back to the quality office with your next exchange file, and the office reissues notice {number}.</source>
        <translation>复查已记录：未整改到位的问题随下一个交换文件送回质量办，由质量办重新下发通知单 {number}。</translation>
    </message>
</context>
<context>
    <name>HeaderForm</name>
    <message>
        <source>Template {code}</source>
        <translation>检查表 {code}</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Title (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Inspects</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>计分方式</translation>
    </message>
    <message>
        <source>Base score</source>
        <translation>基础分</translation>
    </message>
    <message>
        <source>Description (Chinese)</source>
        <translation>说明（中文）</translation>
    </message>
    <message>
        <source>Description (English)</source>
        <translation>说明（英文）</translation>
    </message>
    <message>
        <source>Vehicle appearance</source>
        <translation>车容车貌</translation>
    </message>
    <message>
        <source>Staff conduct</source>
        <translation>人员服务规范</translation>
    </message>
    <message>
        <source>Facility cleanliness</source>
        <translation>场所环境卫生</translation>
    </message>
</context>
<context>
    <name>HubActions</name>
    <message>
        <source>Office &amp;server…</source>
        <translation>办公室服务器(&amp;S)…</translation>
    </message>
    <message>
        <source>The office&apos;s PostgreSQL hub: address, test connection, password</source>
        <translation>办公室的 PostgreSQL 服务器：地址、测试连接、密码</translation>
    </message>
    <message>
        <source>S&amp;ync with the office server now</source>
        <translation>立即与办公室服务器同步(&amp;Y)</translation>
    </message>
    <message>
        <source>Sync &amp;conflicts…</source>
        <translation>同步冲突(&amp;C)…</translation>
    </message>
    <message>
        <source>Sync: {count} conflicts kept aside (nothing overwritten); the office lists them with hub status</source>
        <translation>同步：{count} 条冲突已另行保存（未覆盖任何内容）；质量办可用 hub status 查看</translation>
    </message>
</context>
<context>
    <name>HubConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>Asking the office server…</source>
        <translation>正在查询办公室服务器…</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>From device</source>
        <translation>来自设备</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现于</translation>
    </message>
    <message>
        <source>The office server cannot be reached.</source>
        <translation>无法连接办公室服务器。</translation>
    </message>
    <message>
        <source>{count} records set aside: the hub keeps what it held, nothing was overwritten. Settle each with the device&apos;s owner.</source>
        <translation>{count} 条记录已另行保存：服务器保留原有内容，未覆盖任何内容。请与该设备的使用人逐条核对处理。</translation>
    </message>
</context>
<context>
    <name>HubSettingsDialog</name>
    <message>
        <source>Office server</source>
        <translation>办公室服务器</translation>
    </message>
    <message>
        <source>The office&apos;s PostgreSQL hub. Paste the address the quality office gave this device (hub add-device); the password is kept in the system keyring, never in the database.</source>
        <translation>办公室的 PostgreSQL 服务器。请粘贴质量办为本设备提供的地址（hub add-device）；密码保存在系统密钥环中，从不保存在数据库里。</translation>
    </message>
    <message>
        <source>Address (DSN)</source>
        <translation>地址（DSN）</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected: the hub of {name}.</source>
        <translation>已连接：{name} 的办公室服务器。</translation>
    </message>
    <message>
        <source>Saved. This device syncs as {role}.</source>
        <translation>已保存。本设备以 {role} 身份同步。</translation>
    </message>
</context>
<context>
    <name>HubWords</name>
    <message>
        <source>Offline · {count} to upload</source>
        <translation>离线 · 待上传 {count}</translation>
    </message>
    <message>
        <source>Not yet synced · {count} to upload</source>
        <translation>尚未同步 · 待上传 {count}</translation>
    </message>
    <message>
        <source>Synced {time} · {count} to upload</source>
        <translation>已同步 {time} · 待上传 {count}</translation>
    </message>
</context>
<context>
    <name>InspectionReportActions</name>
    <message>
        <source>Save the inspection report</source>
        <translation>保存检查记录</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Inspection reports</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <source>The list is empty.</source>
        <translation>列表为空。</translation>
    </message>
    <message>
        <source>Save the inspection reports of the list</source>
        <translation>保存列表中的检查记录</translation>
    </message>
    <message>
        <source>Preparing the inspection reports…</source>
        <translation>正在准备检查记录…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Report {done} of {total}…</source>
        <translation>第 {done} 份，共 {total} 份…</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>正在写入文件…</translation>
    </message>
    <message>
        <source>On-site acknowledgement</source>
        <translation>现场确认</translation>
    </message>
    <message>
        <source>The person in charge on site for {subject} confirms the result and signs below.</source>
        <translation>{subject} 的现场负责人确认检查结果，并在下方签名。</translation>
    </message>
</context>
<context>
    <name>InspectionsHost</name>
    <message>
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <source>Start inspection…</source>
        <translation>开始检查…</translation>
    </message>
    <message>
        <source>Start an inspection (Ctrl+Shift+N)</source>
        <translation>开始一次检查（Ctrl+Shift+N）</translation>
    </message>
</context>
<context>
    <name>InspectionsModel</name>
    <message>
        <source>Observed</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查人</translation>
    </message>
    <message>
        <source>{score} (veto)</source>
        <translation>{score}（一票否决）</translation>
    </message>
    <message>
        <source>{code} v{version}</source>
        <translation>{code} 第 {version} 版</translation>
    </message>
    <message>
        <source>(withheld)</source>
        <translation>（不公开）</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>From – to</source>
        <translation>自定义时间段</translation>
    </message>
    <message>
        <source>All modes</source>
        <translation>全部方式</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>All templates</source>
        <translation>全部检查表</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Search subject, unit, template, inspector…</source>
        <translation>搜索检查对象、单位、检查表、检查人…</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Report (.pdf)…</source>
        <translation>检查记录 (.pdf)…</translation>
    </message>
    <message>
        <source>The written inspection report (检查记录) of the selected inspection</source>
        <translation>所选检查的书面检查报告（检查记录）</translation>
    </message>
    <message>
        <source>Reports of the list (.pdf)…</source>
        <translation>列表检查记录 (.pdf)…</translation>
    </message>
    <message>
        <source>The reports of every completed inspection in the list, as one PDF (drafts are left out)</source>
        <translation>列表中每次已完成检查的检查记录，合为一个 PDF（草稿不包括在内）</translation>
    </message>
    <message>
        <source>Only inspections that failed {code} {text}</source>
        <translation>仅显示该项不合格的检查：{code} {text}</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln inspection(s)</source>
        <translation>
            <numerusform>%Ln 条检查记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Inspections are recorded with the recording screen, or on the command line with “inspector-cli inspections start”.</source>
        <translation>检查在录入界面中录入，也可在命令行用“inspector-cli inspections start”录入。</translation>
    </message>
    <message>
        <source>No inspection matches these filters.</source>
        <translation>没有符合筛选条件的检查记录。</translation>
    </message>
    <message>
        <source>No inspections yet.</source>
        <translation>还没有检查记录。</translation>
    </message>
    <message>
        <source>Inspection report</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <source>Select an inspection first.</source>
        <translation>请先选择一次检查。</translation>
    </message>
</context>
<context>
    <name>InvestigateDialog</name>
    <message>
        <source>Investigation of {number}</source>
        <translation>{number} 调查</translation>
    </message>
    <message>
        <source>What the investigation found (调查): the interview notes (询问笔录), the staff member&apos;s written statement, photos or scans of written records. At least one of them.</source>
        <translation>调查情况：询问笔录、当事人书面说明、照片或书面材料的扫描件，至少填写一项。</translation>
    </message>
    <message>
        <source>e.g. the driver and two passengers were interviewed on 16 November</source>
        <translation>例如：11月16日询问当事司机及两名乘客</translation>
    </message>
    <message>
        <source>e.g. the driver admits he left before the passenger sat down</source>
        <translation>例如：司机承认未等乘客坐稳即起步</translation>
    </message>
    <message>
        <source>Interview notes:</source>
        <translation>询问笔录：</translation>
    </message>
    <message>
        <source>Staff statement:</source>
        <translation>书面说明：</translation>
    </message>
    <message>
        <source>Photos, scans:</source>
        <translation>照片、扫描件：</translation>
    </message>
    <message>
        <source>Record investigation</source>
        <translation>记录调查</translation>
    </message>
    <message>
        <source>Wait until every file is read.</source>
        <translation>请等待所有文件读取完毕。</translation>
    </message>
</context>
<context>
    <name>ItemForm</name>
    <message>
        <source>Item {code}</source>
        <translation>检查项目 {code}</translation>
    </message>
    <message>
        <source>Deduction on fail</source>
        <translation>不合格扣分</translation>
    </message>
    <message>
        <source>Weight (points)</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Taken from the regulations</source>
        <translation>直接取自制度</translation>
    </message>
    <message>
        <source>Adapted from the regulations</source>
        <translation>依据制度改编</translation>
    </message>
    <message>
        <source>Not in the regulations: a suggestion to confirm</source>
        <translation>制度中没有：建议项，待确认</translation>
    </message>
    <message>
        <source>Photo not on this computer</source>
        <translation>照片不在本机上</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Text (Chinese)</source>
        <translation>内容（中文）</translation>
    </message>
    <message>
        <source>Text (English)</source>
        <translation>内容（英文）</translation>
    </message>
    <message>
        <source>Standard (Chinese)</source>
        <translation>检查标准（中文）</translation>
    </message>
    <message>
        <source>Standard (English)</source>
        <translation>检查标准（英文）</translation>
    </message>
    <message>
        <source>Answered as</source>
        <translation>答题方式</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>合格下限</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <source>Photos on fail</source>
        <translation>不合格时拍照</translation>
    </message>
    <message>
        <source>Covert visits</source>
        <translation>暗访</translation>
    </message>
    <message>
        <source>Days to rectify</source>
        <translation>整改天数</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Reference photo</source>
        <translation>参考照片</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Fails the whole inspection (一票否决)</source>
        <translation>不合格即整次检查不合格（一票否决）</translation>
    </message>
    <message>
        <source>Checkable on covert visits (可暗访)</source>
        <translation>暗访时可检查</translation>
    </message>
    <message>
        <source>Severity default</source>
        <translation>按严重程度默认</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>The lowest measured value that passes</source>
        <translation>判为合格的最低数值</translation>
    </message>
    <message>
        <source>Choose photo…</source>
        <translation>选择照片…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Pass / fail / N-A</source>
        <translation>合格 / 不合格 / 不适用</translation>
    </message>
    <message>
        <source>Measured value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Observation (not scored)</source>
        <translation>文字记录（不计分）</translation>
    </message>
</context>
<context>
    <name>ItemPanel</name>
    <message>
        <source>What good looks like</source>
        <translation>合格示例</translation>
    </message>
    <message>
        <source>Pass  P</source>
        <translation>合格  P</translation>
    </message>
    <message>
        <source>Fail  F</source>
        <translation>不合格  F</translation>
    </message>
    <message>
        <source>N/A  N</source>
        <translation>不适用  N</translation>
    </message>
    <message>
        <source>Pass — press P or 1</source>
        <translation>合格 — 按 P 或 1</translation>
    </message>
    <message>
        <source>Fail — press F or 2</source>
        <translation>不合格 — 按 F 或 2</translation>
    </message>
    <message>
        <source>Not applicable — press N or 3</source>
        <translation>不适用 — 按 N 或 3</translation>
    </message>
    <message>
        <source>P pass · F fail · N not applicable · ↑/↓ or J/K move · Ctrl+Enter complete</source>
        <translation>P 合格 · F 不合格 · N 不适用 · ↑/↓ 或 J/K 切换项目 · Ctrl+Enter 完成检查</translation>
    </message>
    <message>
        <source>Enter records the problem · Esc cancels · Ctrl+Enter complete</source>
        <translation>Enter 记录问题 · Esc 取消 · Ctrl+Enter 完成检查</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source> · veto item</source>
        <translation> · 一票否决项</translation>
    </message>
    <message>
        <source>Failing: Enter adds the photo this item needs, typing writes the note, Esc cancels.</source>
        <translation>判为不合格：按 Enter 添加所需照片，直接输入即写备注，按 Esc 取消。</translation>
    </message>
    <message>
        <source>Failing: type a note, Enter to confirm, Esc to cancel.</source>
        <translation>判为不合格：请填写备注，按 Enter 确认，按 Esc 取消。</translation>
    </message>
    <message>
        <source>Not answered yet.</source>
        <translation>尚未作答。</translation>
    </message>
    <message>
        <source>Saved answer: {result}</source>
        <translation>已保存：{result}</translation>
    </message>
    <message>
        <source>Fail — severity, note and photos</source>
        <translation>不合格 — 严重程度、备注和照片</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>不合格</translation>
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
        <source>write the monthly report&apos;s analysis</source>
        <translation>撰写月度报告分析</translation>
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
        <source>read complaints</source>
        <translation>查阅投诉</translation>
    </message>
    <message>
        <source>register and handle complaints</source>
        <translation>受理和处理投诉</translation>
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
    <message>
        <source>signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>comment book entry</source>
        <translation>意见簿条目</translation>
    </message>
</context>
<context>
    <name>LengthCounter</name>
    <message>
        <source>At most {limit} characters</source>
        <translation>最多 {limit} 个字符</translation>
    </message>
</context>
<context>
    <name>LetterheadImages</name>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>LetterheadImagesGroup</name>
    <message>
        <source>The file {file} is missing.</source>
        <translation>找不到文件 {file}。</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>选择徽标</translation>
    </message>
    <message>
        <source>Choose the seal image</source>
        <translation>选择印章图片</translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation>信头</translation>
    </message>
    <message>
        <source>The logo is printed at the top of every notice, the seal beside the quality office&apos;s signature. A copy of the picture is kept in the data folder.</source>
        <translation>徽标印在每份通知单的顶部，印章盖在质量办签名旁。图片会复制一份保存在数据文件夹中。</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>徽标：</translation>
    </message>
    <message>
        <source>Inspection seal (检查专用章):</source>
        <translation>检查专用章：</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
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
        <source>You may try again now.</source>
        <translation>现在可以再次尝试。</translation>
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
        <source>Reset demo data</source>
        <translation>重置演示数据</translation>
    </message>
    <message>
        <source>Make the demo data afresh? Everything done in the demo so far is replaced; Inspector starts again on the new demo data.</source>
        <translation>重新生成演示数据？在演示中所做的一切都将被替换；Inspector 将在新的演示数据上重新启动。</translation>
    </message>
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
        <source>Complaints</source>
        <translation>投诉与意见</translation>
    </message>
    <message>
        <source>Comment books</source>
        <translation>旅客意见簿</translation>
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
        <source>&amp;Reset demo data…</source>
        <translation>重置演示数据(&amp;R)…</translation>
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
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Verify a signed notice…</source>
        <translation>验证已签署的通知单(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Backups and restore…</source>
        <translation>备份与恢复(&amp;B)…</translation>
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
    <name>MonthReportPanel</name>
    <message>
        <source>Average score rate, last 12 months</source>
        <translation>近 12 个月平均得分率</translation>
    </message>
    <message>
        <source>No scored inspections in these months.</source>
        <translation>这几个月没有计分的检查。</translation>
    </message>
    <message>
        <source>Top problems this month</source>
        <translation>本月共性问题（前五）</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>较上月</translation>
    </message>
    <message>
        <source>No problem found this month.</source>
        <translation>本月没有发现问题。</translation>
    </message>
</context>
<context>
    <name>MySignatureGroup</name>
    <message>
        <source>No signature kept yet.</source>
        <translation>尚未保存签名。</translation>
    </message>
    <message>
        <source>My signature</source>
        <translation>我的签名</translation>
    </message>
    <message>
        <source>Sign in the box with the mouse, a pen or your finger. It is kept for the notices you issue or sign, and you can draw it again at any time.</source>
        <translation>请用鼠标、手写笔或手指在框内签名。签名会保存下来，用于您下发或签署的通知单，可随时重新签写。</translation>
    </message>
    <message>
        <source>Your handwritten signature, placed on the notices you issue or sign.</source>
        <translation>您的手写签名，用于您下发或签署的通知单。</translation>
    </message>
    <message>
        <source>Draw…</source>
        <translation>签写…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>NewComplaintDialog</name>
    <message>
        <source>New case (登记)</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>e.g. 12319-20261116-007</source>
        <translation>例如 12319-20261116-007</translation>
    </message>
    <message>
        <source>Major (重大): 72 hours</source>
        <translation>重大（72小时）</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Rural route: 7 working days</source>
        <translation>农村线路（7个工作日）</translation>
    </message>
    <message>
        <source>Known:</source>
        <translation>已知：</translation>
    </message>
    <message>
        <source>e.g. 火车站 stop</source>
        <translation>例如 火车站</translation>
    </message>
    <message>
        <source>the vehicle&apos;s when empty</source>
        <translation>不填则取车辆所属线路</translation>
    </message>
    <message>
        <source>plate or fleet number (自编号)</source>
        <translation>车牌号或自编号</translation>
    </message>
    <message>
        <source>staff number (工号)</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>what the passenger reported, in their words</source>
        <translation>乘客反映的情况，尽量用原话</translation>
    </message>
    <message>
        <source>seen by the quality office only</source>
        <translation>仅质量办可见</translation>
    </message>
    <message>
        <source>Answered on the spot (closes the enquiry at once)</source>
        <translation>当场答复（咨询即时销号）</translation>
    </message>
    <message>
        <source>the answer given</source>
        <translation>答复内容</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>渠道：</translation>
    </message>
    <message>
        <source>Order number:</source>
        <translation>工单号：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>性质：</translation>
    </message>
    <message>
        <source>Behaviour:</source>
        <translation>定性：</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>受理时间：</translation>
    </message>
    <message>
        <source>Event time:</source>
        <translation>事发时间：</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>地点：</translation>
    </message>
    <message>
        <source>Route:</source>
        <translation>线路：</translation>
    </message>
    <message>
        <source>Vehicle:</source>
        <translation>车辆：</translation>
    </message>
    <message>
        <source>Staff:</source>
        <translation>人员：</translation>
    </message>
    <message>
        <source>Complainant:</source>
        <translation>投诉人：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>What happened:</source>
        <translation>事情经过：</translation>
    </message>
    <message>
        <source>(not said)</source>
        <translation>（未定性）</translation>
    </message>
</context>
<context>
    <name>NewTemplateDialog</name>
    <message>
        <source>New checklist template</source>
        <translation>新建检查表</translation>
    </message>
    <message>
        <source>A new template starts as a draft with one section and one item. The code is permanent and appears on inspections and notices (e.g. T4).</source>
        <translation>新检查表以草稿开始，含一个分类和一个检查项目。编码创建后不能更改，会显示在检查记录和整改通知单上（如 T4）。</translation>
    </message>
    <message>
        <source>optional, e.g. vehicle_appearance</source>
        <translation>选填，如 vehicle_appearance</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>编码(&amp;C)</translation>
    </message>
    <message>
        <source>Title (&amp;Chinese)</source>
        <translation>中文名称(&amp;C)</translation>
    </message>
    <message>
        <source>Title (&amp;English)</source>
        <translation>英文名称(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Inspects</source>
        <translation>检查对象(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Scoring</source>
        <translation>计分方式(&amp;S)</translation>
    </message>
    <message>
        <source>C&amp;ategory</source>
        <translation>类别(&amp;A)</translation>
    </message>
    <message>
        <source>Create draft</source>
        <translation>创建草稿</translation>
    </message>
</context>
<context>
    <name>NoticeDetail</name>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>Select a notice to see its problems, its history and what can be done next.</source>
        <translation>选择一份通知单，即可查看其问题、处理记录以及下一步可进行的操作。</translation>
    </message>
    <message>
        <source>Preview / print</source>
        <translation>预览 / 打印</translation>
    </message>
    <message>
        <source>Record (整改档案)</source>
        <translation>整改档案</translation>
    </message>
    <message>
        <source>Receipt (签收)…</source>
        <translation>签收…</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>回复…</translation>
    </message>
    <message>
        <source>Follow-up…</source>
        <translation>复查…</translation>
    </message>
    <message>
        <source>Sign (PAdES)…</source>
        <translation>签署（PAdES）…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Verify…</source>
        <translation>验证…</translation>
    </message>
    <message>
        <source>Reissue…</source>
        <translation>重新下发…</translation>
    </message>
    <message>
        <source>The issued notice as printed (double-click a row)</source>
        <translation>按打印样式查看已下发的通知单（也可双击行）</translation>
    </message>
    <message>
        <source>The notice with its receipt, reply, follow-ups and before/after photos</source>
        <translation>通知单及其签收、回复、复查记录和整改前后照片</translation>
    </message>
    <message>
        <source>Issue a corrected notice that replaces this one</source>
        <translation>下发一份更正后的通知单，取代本通知单</translation>
    </message>
    <message>
        <source>A follow-up recorded on a laptop found problems not fixed: issue the new notice for them</source>
        <translation>笔记本上记录的复查发现问题未整改到位：为这些问题下发新的通知单</translation>
    </message>
    <message>
        <source>{date} (estimated: Monday–Friday)</source>
        <translation>{date}（预估：按周一至周五计算）</translation>
    </message>
    <message>
        <source>Addressee</source>
        <translation>接收单位</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>下发</translation>
    </message>
    <message>
        <source>{date} by {name}</source>
        <translation>{date}（{name}）</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>{date} ({days} working days)</source>
        <translation>{date}（{days} 个工作日）</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>复查</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <source>Corrects</source>
        <translation>更正的通知单</translation>
    </message>
    <message>
        <source>Reissue of</source>
        <translation>重新下发自</translation>
    </message>
    <message>
        <source>Replaced by</source>
        <translation>替代通知单</translation>
    </message>
    <message>
        <source>recurred</source>
        <translation>再次发生</translation>
    </message>
    <message>
        <source>Measure: {text}</source>
        <translation>整改措施：{text}</translation>
    </message>
    <message>
        <source>Issued {time} by {name}.</source>
        <translation>{time} 由 {name} 下发。</translation>
    </message>
    <message>
        <source>Signed for by {name} on {time}{drawn}.</source>
        <translation>{time} 由 {name} 签收{drawn}。</translation>
    </message>
    <message>
        <source> (signature drawn)</source>
        <translation> （手写签名）</translation>
    </message>
    <message>
        <source>Reply of {date} by {name}: {measures}</source>
        <translation>{date} {name} 回复：{measures}</translation>
    </message>
    <message>
        <source>Preventive: {text}</source>
        <translation>预防措施：{text}</translation>
    </message>
    <message numerus="yes">
        <source>(%n photo(s))</source>
        <translation>
            <numerusform>（%n 张照片）</numerusform>
        </translation>
    </message>
    <message>
        <source>all passed</source>
        <translation>全部通过</translation>
    </message>
    <message>
        <source>failed: problem(s) {positions}</source>
        <translation>未通过：问题 {positions}</translation>
    </message>
    <message>
        <source>Follow-up {time} by {name}: {verdict}.</source>
        <translation>{time} {name} 复查：{verdict}。</translation>
    </message>
    <message>
        <source>Closed {time}.</source>
        <translation>已于 {time} 关闭。</translation>
    </message>
    <message>
        <source>Carried on by notice {number}.</source>
        <translation>未通过的问题转入通知单 {number}。</translation>
    </message>
    <message>
        <source>Signed (PAdES) by {name} on {time}.</source>
        <translation>{time} 由 {name} 签署（PAdES）。</translation>
    </message>
    <message>
        <source>Notice {number}</source>
        <translation>通知单 {number}</translation>
    </message>
    <message>
        <source>Record of notice {number}</source>
        <translation>通知单 {number} 的整改档案</translation>
    </message>
    <message>
        <source>Receipt of notice {number}</source>
        <translation>签收通知单 {number}</translation>
    </message>
    <message>
        <source>The person receiving the notice for {unit} signs below.</source>
        <translation>请 {unit} 的签收人在下方签名。</translation>
    </message>
    <message>
        <source>Receipt recorded: signed by {name}.</source>
        <translation>已登记签收：签收人 {name}。</translation>
    </message>
    <message>
        <source>The unit&apos;s reply is recorded.</source>
        <translation>已录入单位的回复。</translation>
    </message>
    <message>
        <source>Sign notice {number}</source>
        <translation>签署通知单 {number}</translation>
    </message>
    <message>
        <source>Signed copy saved as {path}</source>
        <translation>已签署的文件已保存为 {path}</translation>
    </message>
    <message>
        <source>Export notice {number}</source>
        <translation>导出通知单 {number}</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <source>Reissue notice {number}</source>
        <translation>重新下发通知单 {number}</translation>
    </message>
    <message>
        <source>A follow-up found problems of notice {number} not fixed. Issue the new notice for them now?</source>
        <translation>复查发现通知单 {number} 的问题未整改到位。现在为这些问题下发新的通知单吗？</translation>
    </message>
    <message>
        <source>Reissued as {number}, due {date}.</source>
        <translation>已重新下发为 {number}，期限 {date}。</translation>
    </message>
</context>
<context>
    <name>NoticeLabels</name>
    <message>
        <source>Issued</source>
        <translation>已下发</translation>
    </message>
    <message>
        <source>Signed for</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>已回复</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Reissued</source>
        <translation>已重新下发</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>已被替代</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>整改不及时</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>未完成整改</translation>
    </message>
    <message>
        <source>Recurred</source>
        <translation>再次发生</translation>
    </message>
</context>
<context>
    <name>NoticesModel</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Addressee</source>
        <translation>接收人</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>下发日期</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>{date} (est.)</source>
        <translation>{date}（估算）</translation>
    </message>
    <message>
        <source>Estimated: counted Monday to Friday, the official holiday schedule for that year is not entered yet.</source>
        <translation>估算：按周一至周五计算，该年度的法定节假日安排尚未录入。</translation>
    </message>
</context>
<context>
    <name>NoticesPage</name>
    <message>
        <source>Notices</source>
        <translation>整改通知</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>全部未关闭</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any flag</source>
        <translation>全部标记</translation>
    </message>
    <message>
        <source>Overdue (逾期)</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Late (整改不及时)</source>
        <translation>整改不及时</translation>
    </message>
    <message>
        <source>Unfinished (未完成整改)</source>
        <translation>未完成整改</translation>
    </message>
    <message>
        <source>Recurred (再次发生)</source>
        <translation>再次发生</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Any month</source>
        <translation>全部月份</translation>
    </message>
    <message>
        <source>Search number, unit, addressee…</source>
        <translation>搜索编号、单位、接收人…</translation>
    </message>
    <message numerus="yes">
        <source>%n notice(s)</source>
        <translation>
            <numerusform>%n 份通知单</numerusform>
        </translation>
    </message>
    <message>
        <source>No notice matches these filters.</source>
        <translation>没有符合筛选条件的通知单。</translation>
    </message>
    <message>
        <source>No rectification notices yet. A notice is issued from a completed inspection with failed items: open it under Inspections and choose “Issue notice…”.</source>
        <translation>还没有整改通知单。整改通知单根据已完成且有不合格项目的检查下发：在“检查记录”中打开该检查，选择“创建整改通知单…”。</translation>
    </message>
</context>
<context>
    <name>OverdueNoticesSection</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>下发日期</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Status now</source>
        <translation>目前状态</translation>
    </message>
    <message>
        <source>Double-click a notice to find it on the Notices page.</source>
        <translation>双击通知单，可在“整改通知”页找到它。</translation>
    </message>
    <message>
        <source>Overdue notices not rectified ({count})</source>
        <translation>逾期未整改通知单（{count}）</translation>
    </message>
    <message>
        <source>No notice was overdue on {date}.</source>
        <translation>截至 {date} 没有逾期未整改的通知单。</translation>
    </message>
</context>
<context>
    <name>OverdueReminderDialog</name>
    <message>
        <source>Overdue rectification notices</source>
        <translation>逾期的整改通知单</translation>
    </message>
    <message numerus="yes">
        <source>%n rectification notice(s) past the deadline and not yet closed:</source>
        <translation>
            <numerusform>%n 份整改通知单已超过整改期限且尚未关闭：</numerusform>
        </translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Open notices</source>
        <translation>查看通知单</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后提醒</translation>
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
    <name>PdfPreviewDialog</name>
    <message>
        <source>The file {file} could not be opened ({reason}).</source>
        <translation>无法打开文件 {file}（{reason}）。</translation>
    </message>
    <message>
        <source>The file {file} is not a PDF that can be shown.</source>
        <translation>文件 {file} 不是可显示的 PDF。</translation>
    </message>
    <message>
        <source>Page {page} / {pages}</source>
        <translation>第 {page} / {pages} 页</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适应宽度</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Open containing folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PhotoSourcesButton</name>
    <message>
        <source>From phone or camera…</source>
        <translation>从手机或相机…</translation>
    </message>
    <message>
        <source>Pick the newest photos from your phone&apos;s sync folder, or take one with the webcam (Ctrl+Shift+P)</source>
        <translation>从手机同步文件夹选取最新照片，或用摄像头拍一张（Ctrl+Shift+P）</translation>
    </message>
</context>
<context>
    <name>PhotoSourcesDialog</name>
    <message>
        <source>Photos from a phone or camera</source>
        <translation>手机或相机中的照片</translation>
    </message>
    <message>
        <source>Choose folder… (Ctrl+O)</source>
        <translation>选择文件夹…（Ctrl+O）</translation>
    </message>
    <message>
        <source>The folder your phone syncs its photos to, or a camera&apos;s folder</source>
        <translation>手机同步照片的文件夹，或相机的文件夹</translation>
    </message>
    <message>
        <source>Show &amp;older photos too</source>
        <translation>同时显示更早的照片(&amp;O)</translation>
    </message>
    <message>
        <source>Take with &amp;camera…</source>
        <translation>用摄像头拍照(&amp;C)…</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>未找到摄像头</translation>
    </message>
    <message>
        <source>No camera on this computer can be used (QtMultimedia is needed)</source>
        <translation>本机没有可用的摄像头（需要 QtMultimedia）</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Folder your phone or camera puts photos in</source>
        <translation>手机或相机存放照片的文件夹</translation>
    </message>
    <message>
        <source>(none chosen yet)</source>
        <translation>（尚未选择）</translation>
    </message>
    <message>
        <source>Choose the folder your phone syncs its photos to, or a camera&apos;s folder (Ctrl+O). It is remembered for you on this computer.</source>
        <translation>请选择手机同步照片的文件夹或相机的文件夹（Ctrl+O），本机会为您记住。</translation>
    </message>
    <message>
        <source>Arrow keys move · Space ticks · Enter adds · Esc closes</source>
        <translation>方向键移动 · 空格勾选 · Enter 添加 · Esc 关闭</translation>
    </message>
    <message>
        <source>All photos in this folder, newest first.</source>
        <translation>此文件夹中的全部照片，最新的在前。</translation>
    </message>
    <message>
        <source>Photos taken since {time}, newest first.</source>
        <translation>{time} 以来拍摄的照片，最新的在前。</translation>
    </message>
    <message>
        <source>No photos in this folder since {time}. New ones appear here as they arrive.</source>
        <translation>此文件夹中没有 {time} 以来的照片。新照片到达后会显示在这里。</translation>
    </message>
    <message>
        <source>Add ({count})</source>
        <translation>添加（{count}）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>The camera&apos;s photo could not be saved.</source>
        <translation>摄像头拍的照片无法保存。</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Add photos (Ctrl+Shift+A); you can also drop files here or paste (Ctrl+V)</source>
        <translation>添加照片（Ctrl+Shift+A）；也可将文件拖到此处，或粘贴（Ctrl+V）</translation>
    </message>
    <message>
        <source>Annotate…</source>
        <translation>标注…</translation>
    </message>
    <message>
        <source>Draw arrows, circles or a short text on the selected photo</source>
        <translation>在选中的照片上画箭头、圆圈或写简短文字</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Images {patterns}</source>
        <translation>图片 {patterns}</translation>
    </message>
    <message>
        <source>The pasted image could not be read.</source>
        <translation>无法读取粘贴的图片。</translation>
    </message>
    <message>
        <source>This photo is already here.</source>
        <translation>这张照片已经添加过了。</translation>
    </message>
    <message>
        <source>Adding {count} photo(s)…</source>
        <translation>正在添加 {count} 张照片…</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>← Previous</source>
        <translation>← 上一张</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>下一张 →</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>No photos</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>{position} of {count}</source>
        <translation>第 {position} / {count} 张</translation>
    </message>
    <message>
        <source>taken {time}</source>
        <translation>拍摄于 {time}</translation>
    </message>
    <message>
        <source>cannot be shown</source>
        <translation>无法显示</translation>
    </message>
</context>
<context>
    <name>PreparedPhotos</name>
    <message>
        <source>Add photo or scan…</source>
        <translation>添加照片或扫描件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Add photos or scans</source>
        <translation>添加照片或扫描件</translation>
    </message>
    <message>
        <source>Reading {count} file(s)…</source>
        <translation>正在读取 {count} 个文件…</translation>
    </message>
</context>
<context>
    <name>ProblemCheck</name>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>What was seen at the follow-up</source>
        <translation>复查时看到的情况</translation>
    </message>
    <message>
        <source>The photo on the notice: take the after-photo from the same spot</source>
        <translation>通知单上的照片：请在同一位置拍摄整改后照片</translation>
    </message>
    <message>
        <source>no photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>At issue</source>
        <translation>整改前</translation>
    </message>
    <message>
        <source>After-photos, from the same spot:</source>
        <translation>整改后照片（在同一位置拍摄）：</translation>
    </message>
</context>
<context>
    <name>ProblemList</name>
    <message>
        <source>{item}: not answered</source>
        <translation>{item}：未作答</translation>
    </message>
    <message>
        <source>{item}: failed without the photos it needs</source>
        <translation>{item}：不合格但缺少所需照片</translation>
    </message>
    <message>
        <source>A walk-around records one problem: fail the item you saw.</source>
        <translation>走动巡查只记录一个问题：请将发现问题的项目判为不合格。</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish {code} v{version}</source>
        <translation>发布 {code} 第 {version} 版</translation>
    </message>
    <message>
        <source>&amp;Effective from:</source>
        <translation>生效月份(&amp;E)：</translation>
    </message>
    <message>
        <source>Publish {code} v{version} for {month}?</source>
        <translation>发布 {code} 第 {version} 版，自 {month}起生效？</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 个检查项目</numerusform>
        </translation>
    </message>
    <message>
        <source>Published versions cannot be changed; inspections from {month} on will use it.</source>
        <translation>已发布的版本不能再修改；自 {month} 起的检查都将使用此版本。</translation>
    </message>
    <message>
        <source>Publish for {month}</source>
        <translation>发布（{month} 起生效）</translation>
    </message>
    <message numerus="yes">
        <source>This draft cannot be published yet: %n problem(s) to fix in the editor, the first: {problem}</source>
        <translation>
            <numerusform>此草稿暂不能发布：需在编辑器中修正 %n 个问题，第一个是：{problem}</numerusform>
        </translation>
    </message>
    <message>
        <source>{month} is already over: inspections recorded in it keep the version they were recorded with.</source>
        <translation>{month}已经过去：该月已录入的检查仍沿用录入时的版本。</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Page &amp;order:</source>
        <translation>页面顺序(&amp;O)：</translation>
    </message>
    <message>
        <source>Pages &amp;per sheet:</source>
        <translation>每张页数(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>页面组(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>RecordingHeader</name>
    <message>
        <source>COVERT</source>
        <translation>暗访</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完成检查</translation>
    </message>
    <message>
        <source>Check and complete (Ctrl+Enter)</source>
        <translation>检查无误后完成（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Back to the list; every answer is saved</source>
        <translation>返回列表；所有作答均已保存</translation>
    </message>
    <message>
        <source>Report (.pdf)…</source>
        <translation>检查记录 (.pdf)…</translation>
    </message>
    <message>
        <source>Save the written inspection report (检查记录) as a PDF</source>
        <translation>将书面检查报告（检查记录）保存为 PDF</translation>
    </message>
    <message>
        <source>On-site acknowledgement…</source>
        <translation>现场确认…</translation>
    </message>
    <message>
        <source>The inspected party confirms the result and signs</source>
        <translation>被检查方确认检查结果并签名</translation>
    </message>
    <message>
        <source>{mode} · observed {observed} · entered {entered}</source>
        <translation>{mode} · 发生时间 {observed} · 录入时间 {entered}</translation>
    </message>
    <message>
        <source>Walk-around: not scored</source>
        <translation>走动式：不计分</translation>
    </message>
    <message>
        <source>A walk-around records findings; it counts for coverage and the findings tables, never in scores or rankings.</source>
        <translation>走动式检查只记录发现的问题：计入覆盖率和问题统计，不计入得分和排名。</translation>
    </message>
    <message>
        <source>VETO</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <source>A veto item failed: {items}</source>
        <translation>一票否决项不合格：{items}</translation>
    </message>
    <message>
        <source>Score {score} / {maximum}</source>
        <translation>得分 {score} / {maximum}</translation>
    </message>
    <message>
        <source>{answered} / {total} answered</source>
        <translation>已答 {answered} / {total}</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>等另 {count} 项</translation>
    </message>
    <message>
        <source>Photo missing: {items}</source>
        <translation>缺照片：{items}</translation>
    </message>
    <message>
        <source>Failed without the photos they need: {items}</source>
        <translation>不合格但缺少所需照片：{items}</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>已保存 {time}</translation>
    </message>
</context>
<context>
    <name>RecordingScreen</name>
    <message>
        <source>Completed {when}: read-only.</source>
        <translation>已于 {when} 完成，只读。</translation>
    </message>
    <message>
        <source>Read-only: {reason}</source>
        <translation>只读：{reason}</translation>
    </message>
    <message>
        <source>Saving as soon as the photos are in…</source>
        <translation>照片添加完成后即保存…</translation>
    </message>
    <message>
        <source>Photos are still being added to this item; a moment, please.</source>
        <translation>此项目的照片仍在添加中，请稍候。</translation>
    </message>
    <message>
        <source>Complete this inspection? {answered} of {total} item(s) answered, {failed} failed. Once completed it can no longer be changed.</source>
        <translation>完成本次检查？已答 {answered} / {total} 项，不合格 {failed} 项。完成后不能再修改。</translation>
    </message>
    <message>
        <source>Failed: {items}</source>
        <translation>不合格项：{items}</translation>
    </message>
    <message>
        <source>Complete the inspection</source>
        <translation>完成检查</translation>
    </message>
    <message>
        <source>Report saved as {path}</source>
        <translation>检查记录已保存为 {path}</translation>
    </message>
    <message>
        <source>On-site acknowledgement recorded</source>
        <translation>现场确认已记录</translation>
    </message>
    <message>
        <source>Discard this failure?</source>
        <translation>放弃这条不合格记录？</translation>
    </message>
    <message>
        <source>The note and photos typed for {item} are not saved yet. Discard them?</source>
        <translation>为 {item} 填写的说明和照片尚未保存。要放弃吗？</translation>
    </message>
</context>
<context>
    <name>ReferencePhotoPicker</name>
    <message>
        <source>Choose a reference photo</source>
        <translation>选择参考照片</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>RegistryEditDialog</name>
    <message>
        <source>Counted in the monthly coverage from this day on</source>
        <translation>从这一天起计入月度检查覆盖</translation>
    </message>
    <message>
        <source>In service from</source>
        <translation>启用日期</translation>
    </message>
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
    <message>
        <source>In service</source>
        <translation>在用期间</translation>
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
    <name>ReplyDialog</name>
    <message>
        <source>Reply to notice {number}</source>
        <translation>录入通知单 {number} 的回复</translation>
    </message>
    <message>
        <source>What {unit} answered in writing: the measures taken and how the problem is kept from coming back.</source>
        <translation>{unit}的书面回复：已采取的整改措施，以及防止问题再次发生的措施。</translation>
    </message>
    <message>
        <source>e.g. the scratch was repainted on 18 November</source>
        <translation>如：11 月 18 日已补漆修复划痕</translation>
    </message>
    <message>
        <source>e.g. a daily body check before leaving the depot</source>
        <translation>如：每天出车前检查车身</translation>
    </message>
    <message>
        <source>Record reply</source>
        <translation>录入回复</translation>
    </message>
    <message>
        <source>Measures taken:</source>
        <translation>整改措施：</translation>
    </message>
    <message>
        <source>Preventive measures:</source>
        <translation>预防措施：</translation>
    </message>
    <message>
        <source>Reply date:</source>
        <translation>回复日期：</translation>
    </message>
    <message>
        <source>Replied by:</source>
        <translation>回复人：</translation>
    </message>
    <message>
        <source>After-photos:</source>
        <translation>整改后照片：</translation>
    </message>
    <message>
        <source>Reply to an opinion</source>
        <translation>意见反馈</translation>
    </message>
    <message>
        <source>{vehicle}, {day}: “{text}”
Write the explanation or the improvement, as it is written back into the book or told to the passenger (当天反馈).</source>
        <translation>{vehicle}，{day}：“{text}”
请填写对意见的解释和改进措施，即反馈到意见簿上或告知提意见旅客的内容（当天反馈）。</translation>
    </message>
    <message>
        <source>e.g. the air conditioning was set to 26 °C and the passenger told</source>
        <translation>例如：已将空调调至26度，并告知乘客</translation>
    </message>
    <message>
        <source>Save the reply</source>
        <translation>保存反馈</translation>
    </message>
</context>
<context>
    <name>ReportNotes</name>
    <message>
        <source>Inspected: at least one completed inspection observed in the month (on-site, covert or walk-around) was about the subject, or about what it answers for — a staff member for the vehicles and places in their charge, a unit for everything inspected in it. The staff and unit rankings score the same inspections (walk-arounds record findings and are not scored), so nobody ranked is listed as not inspected.</source>
        <translation>已检查：本月至少有一次已完成的检查（明查、暗访或走动式）针对该对象，或针对其负责的对象——人员含其作为责任人负责的车辆、场所，单位含其名下被检查的一切对象。人员排名与单位排名按同一口径取数（走动式检查只记问题、不计分），因此排名中的人员不会出现在未检名单中。</translation>
    </message>
    <message>
        <source>Registered: the subjects in service on at least one day of the month (active from no later than its last day, retired no earlier than its first), in the unit they belonged to then. Only the kinds a checklist in force that month inspects are counted.</source>
        <translation>登记总数：本月内至少有一天在用的对象（启用日期不晚于月末、停用日期不早于月初），按当月所属单位统计；只统计本月有生效检查表检查的对象类别。</translation>
    </message>
</context>
<context>
    <name>ReportRemarksEditor</name>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 字</numerusform>
        </translation>
    </message>
    <message>
        <source>The quality office has not written an analysis of this month yet.</source>
        <translation>质量办尚未撰写本月的分析意见。</translation>
    </message>
    <message>
        <source>Written by {name}, {when}.</source>
        <translation>{name} 撰写于 {when}。</translation>
    </message>
    <message>
        <source>Analysis and suggestions</source>
        <translation>分析意见与改进建议</translation>
    </message>
    <message>
        <source>The quality office&apos;s reading of the month: causes of the problems, good practice seen, what each unit should do next. It is saved as you type and printed as its own part of the report (.pdf) and the table (.xlsx).</source>
        <translation>质量办对本月情况的分析：问题原因、值得推广的做法、各单位下一步的改进要求。输入时自动保存，并作为单独一部分印入月度报告（.pdf）和月度报表（.xlsx）。</translation>
    </message>
    <message>
        <source>Write the analysis of this month here…</source>
        <translation>在此撰写本月的分析意见…</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Monthly reports are for the quality office, managers and administrators. What you can see: your inspections, with their scores, and the rectification notices with where each stands.</source>
        <translation>月度报告供质量办、管理人员和系统管理员查看。您可以查看：自己的检查记录及其得分，以及各整改通知单的办理进度。</translation>
    </message>
    <message>
        <source>Open my inspections</source>
        <translation>打开我的检查</translation>
    </message>
    <message>
        <source>Open the notices</source>
        <translation>打开整改通知单</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Export table (.xlsx)…</source>
        <translation>导出报表 (.xlsx)…</translation>
    </message>
    <message>
        <source>Export report (.pdf)…</source>
        <translation>导出报告 (.pdf)…</translation>
    </message>
    <message>
        <source>Figures of the month</source>
        <translation>本月数据</translation>
    </message>
    <message>
        <source>Most frequent problems</source>
        <translation>共性问题（前十）</translation>
    </message>
    <message>
        <source>Unit ranking</source>
        <translation>单位排名</translation>
    </message>
    <message>
        <source>Staff ranking</source>
        <translation>人员排名</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>检查次数</translation>
    </message>
    <message>
        <source>Average score</source>
        <translation>平均得分</translation>
    </message>
    <message>
        <source>Score rate</source>
        <translation>得分率</translation>
    </message>
    <message>
        <source>Change (points)</source>
        <translation>变化（百分点）</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Staff no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>{scope}, {first} to {last}; figures as of {as_of}.</source>
        <translation>{scope}，{first} 至 {last}；数据截至 {as_of}。</translation>
    </message>
    <message>
        <source>Average score rate, last 12 months</source>
        <translation>近 12 个月平均得分率</translation>
    </message>
    <message>
        <source>No scored inspections in these months.</source>
        <translation>这几个月没有计分的检查。</translation>
    </message>
    <message>
        <source>Findings by section</source>
        <translation>问题分布（按分项）</translation>
    </message>
    <message>
        <source>No findings this month.</source>
        <translation>本月没有发现问题。</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Item pass rate</source>
        <translation>项目合格率</translation>
    </message>
    <message>
        <source>{passed} of {checked} items passed</source>
        <translation>{checked} 项中 {passed} 项合格</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <source>{serious} serious</source>
        <translation>其中严重 {serious} 个</translation>
    </message>
    <message>
        <source>Notices issued</source>
        <translation>下发整改通知</translation>
    </message>
    <message>
        <source>{recurred} for a recurring problem</source>
        <translation>其中再次发生 {recurred} 份</translation>
    </message>
    <message>
        <source>Closed on time</source>
        <translation>按期关闭</translation>
    </message>
    <message>
        <source>{on_time} of {closed}</source>
        <translation>{on_time} / {closed}</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期未整改</translation>
    </message>
    <message>
        <source>Open past the deadline on {day}</source>
        <translation>截至 {day} 已过期限仍未关闭</translation>
    </message>
    <message>
        <source>Average days to close</source>
        <translation>平均整改天数</translation>
    </message>
    <message>
        <source>Calendar days, issue to closing</source>
        <translation>自然日，从下发到关闭</translation>
    </message>
    <message>
        <source>Most improved: {name} (+{points:.1f} points)</source>
        <translation>进步最大：{name}（+{points:.1f} 个百分点）</translation>
    </message>
    <message>
        <source>Most declined: {name} (−{points:.1f} points)</source>
        <translation>退步最大：{name}（−{points:.1f} 个百分点）</translation>
    </message>
    <message>
        <source>all-units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Export the monthly table</source>
        <translation>导出月度报表</translation>
    </message>
    <message>
        <source>monthly-table</source>
        <translation>月度报表</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the monthly report</source>
        <translation>导出月度报告</translation>
    </message>
    <message>
        <source>monthly-report</source>
        <translation>月度报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Result of {number}</source>
        <translation>{number} 处理结果</translation>
    </message>
    <message>
        <source>The result of the investigation (处理结果): whether the staff or the unit is liable, the measures taken, whether the staff member apologised to the passenger. A liable case can make a finding on the responsible unit, which then goes on a rectification notice.</source>
        <translation>调查后的处理结果：当事人或单位是否有责、采取的处理措施、当事人是否向乘客赔礼道歉。有责的投诉可对责任单位生成问题，再由整改通知单下发。</translation>
    </message>
    <message>
        <source>Liable (有责)</source>
        <translation>有责</translation>
    </message>
    <message>
        <source>Not liable (无责)</source>
        <translation>无责</translation>
    </message>
    <message>
        <source>e.g. the driver was given service training and a written warning</source>
        <translation>例如：对当事司机进行服务规范培训并书面警告</translation>
    </message>
    <message>
        <source>The staff member apologised to the passenger (赔礼道歉)</source>
        <translation>当事人已向乘客赔礼道歉</translation>
    </message>
    <message>
        <source>Liability:</source>
        <translation>责任：</translation>
    </message>
    <message>
        <source>Measures:</source>
        <translation>处理措施：</translation>
    </message>
    <message>
        <source>Finding on item:</source>
        <translation>生成问题的项目：</translation>
    </message>
    <message>
        <source>Record result</source>
        <translation>记录处理结果</translation>
    </message>
</context>
<context>
    <name>ResumeBanner</name>
    <message>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
    <message>
        <source>You have an inspection in progress.</source>
        <translation>您有一项检查尚未完成。</translation>
    </message>
    <message>
        <source>You have {count} inspections in progress; the latest:</source>
        <translation>您有 {count} 项检查尚未完成，最近的一项：</translation>
    </message>
    <message>
        <source>Continue inspection {subject} ({answered}/{total} answered)</source>
        <translation>继续检查 {subject}（已答 {answered}/{total}）</translation>
    </message>
</context>
<context>
    <name>SectionForm</name>
    <message>
        <source>Section {code}</source>
        <translation>分类 {code}</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Title (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Only for roles</source>
        <translation>适用岗位</translation>
    </message>
    <message>
        <source>Deduction cap</source>
        <translation>扣分上限</translation>
    </message>
    <message>
        <source>Tick none and the section applies to every staff member.</source>
        <translation>不勾选任何岗位时，此分类适用于所有人员。</translation>
    </message>
    <message>
        <source>No cap</source>
        <translation>不设上限</translation>
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
        <source>General problem put right at once, checked:</source>
        <translation>一般问题立即整改，复查：</translation>
    </message>
    <message>
        <source>Same problem again within:</source>
        <translation>再次发生判定期限：</translation>
    </message>
    <message>
        <source>Largest photo accepted:</source>
        <translation>照片大小上限：</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>the same day</source>
        <translation>当天</translation>
    </message>
    <message>
        <source>the next working day</source>
        <translation>下一个工作日</translation>
    </message>
    <message>
        <source>Regulation 5.3: a general problem is put right at once (立即整改) and checked, without a notice; the written notice is for serious problems. The office may still put a general problem on a notice.</source>
        <translation>按规定（5.3）：一般问题责令立即整改并复查，不下发通知单；书面整改通知单用于重大问题和隐患。质量办仍可将一般问题列入通知单。</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>A problem found again on the same item and subject within this many days is flagged as recurred (再次发生).</source>
        <translation>同一检查项目、同一检查对象在此天数内再次发现问题，即标记为再次发生。</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>A photo file larger than this is refused before it is read. Phone photos are at most about 15 MB.</source>
        <translation>大于此值的照片文件在读取前即被拒绝。手机照片一般不超过约 15 MB。</translation>
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
    <name>SignatureCheck</name>
    <message>
        <source>The document has been changed after it was signed: do not rely on it.</source>
        <translation>文档在签署后被修改过：请勿采信。</translation>
    </message>
    <message>
        <source>The signature does not match the signer&apos;s certificate: do not rely on this document.</source>
        <translation>签名与签署人的证书不符：请勿采信此文档。</translation>
    </message>
    <message>
        <source>The signed part is unchanged, but something was added to the file after it was signed: do not rely on what was added; ask the issuer for the original file.</source>
        <translation>已签署的部分未被改动，但签署后文件中又添加了内容：请勿采信所添加的内容，请向签发方索取原始文件。</translation>
    </message>
    <message>
        <source>The document was changed between two signatures — more than adding a signature or filling in a form — and a later signature does not make that right: do not rely on what the pages show; ask the issuer for the original file.</source>
        <translation>文档在两次签署之间被改动（不只是添加签名或填写表单），后来的签名也不能使其有效：请勿采信页面所示内容，请向签发方索取原始文件。</translation>
    </message>
    <message>
        <source>The document is intact: nothing has been changed or added since it was signed.</source>
        <translation>文档完整：签署后未被修改，也未添加任何内容。</translation>
    </message>
    <message>
        <source>an unnamed signer</source>
        <translation>未具名的签署人</translation>
    </message>
    <message>
        <source>{name} (account {username})</source>
        <translation>{name}（账号 {username}）</translation>
    </message>
    <message>
        <source>{who}, {organisation}</source>
        <translation>{who}，{organisation}</translation>
    </message>
    <message>
        <source>This file is not a PDF document, or it is too damaged to read.</source>
        <translation>此文件不是 PDF 文档，或已严重损坏，无法读取。</translation>
    </message>
    <message>
        <source>This document carries no digital signature: nothing shows who issued it or whether it was changed.</source>
        <translation>此文档没有数字签名：无法证明由谁签发，也无法证明是否被修改过。</translation>
    </message>
    <message>
        <source>Reason given: {reason}.</source>
        <translation>签署理由：{reason}。</translation>
    </message>
    <message>
        <source>Covert visit: signed with the office seal certificate “{name}”, never with a personal certificate.</source>
        <translation>暗访：以检查专用章证书“{name}”签署，绝不使用个人证书。</translation>
    </message>
    <message>
        <source>Covert visit: this notice is signed with the office seal certificate “{name}”, never with your personal certificate, so the signature names no person. The quality office holds the seal&apos;s key ({holders}). Your password unlocks your copy of the seal key:</source>
        <translation>暗访：此通知单使用检查专用章证书“{name}”签名，不使用您的个人证书，签名中不出现任何人的姓名。检查专用章的密钥由质量办持有（{holders}）。请输入您的密码以解锁您持有的检查专用章密钥：</translation>
    </message>
    <message>
        <source>Signed with your personal certificate (“{name}”). Your password unlocks your signing key:</source>
        <translation>使用您的个人证书（“{name}”）签名。请输入您的密码以解锁签名密钥：</translation>
    </message>
    <message>
        <source>it claims to be by {who}, but it is not intact.</source>
        <translation>自称由 {who} 签署，但签名已不完整。</translation>
    </message>
    <message>
        <source>signed by {who} on {when}; the certificate was issued by {issuer}, a certificate authority trusted here: the name is confirmed.</source>
        <translation>由 {who} 于 {when} 签署；证书由本机信任的证书颁发机构 {issuer} 签发：签署人已确认。</translation>
    </message>
    <message>
        <source>signed by {who} (the time of signing is not recorded); the certificate was issued by {issuer}, a certificate authority trusted here: the name is confirmed.</source>
        <translation>由 {who} 签署（未记录签署时间）；证书由本机信任的证书颁发机构 {issuer} 签发：签署人已确认。</translation>
    </message>
    <message>
        <source>an unrecorded time</source>
        <translation>未记录的时间</translation>
    </message>
    <message>
        <source>it claims to be by {who} on {when}, but its certificate (issued by {issuer}) does not come from a certificate authority trusted here, or it has expired: the name is not confirmed.</source>
        <translation>自称由 {who} 于 {when} 签署，但其证书（由 {issuer} 签发）并非来自本机信任的证书颁发机构，或已过期：签署人未经确认。</translation>
    </message>
    <message>
        <source>it claims to be by {who} on {when}; no trusted certificate authority is known here, so the name is not confirmed: anyone can make a certificate with any name. Check again with the office&apos;s certificate (inspector-ca.pem).</source>
        <translation>自称由 {who} 于 {when} 签署；本机没有可信的证书颁发机构，签署人未经确认：任何人都能制作带有任意姓名的证书。请用质量办的证书（inspector-ca.pem）再次核验。</translation>
    </message>
    <message>
        <source>It covers the whole file.</source>
        <translation>它覆盖整个文件。</translation>
    </message>
    <message>
        <source>It covers the file up to revision {revision} of {revisions}; the revisions after it only add signatures or fill in form fields.</source>
        <translation>它覆盖文件的第 1 至第 {revision} 版（共 {revisions} 版）；其后的版本只添加了签名或填写了表单。</translation>
    </message>
    <message>
        <source>It covers the file up to revision {revision} of {revisions}, and a later revision changed the document itself (more than signatures or form filling): what the pages show now is not what was signed.</source>
        <translation>它覆盖文件的第 1 至第 {revision} 版（共 {revisions} 版），而其后的版本修改了文档本身（不只是签名或填写表单）：页面现在显示的内容并非当时签署的内容。</translation>
    </message>
    <message>
        <source>It covers the file up to revision {revision} of {revisions}; something was added after it that nobody signed.</source>
        <translation>它覆盖文件的第 1 至第 {revision} 版（共 {revisions} 版）；其后又添加了无人签署的内容。</translation>
    </message>
    <message>
        <source>What it covers cannot be read.</source>
        <translation>无法读取它覆盖的范围。</translation>
    </message>
    <message>
        <source>Signature {index} of {count}:</source>
        <translation>第 {index} 个签名（共 {count} 个）：</translation>
    </message>
    <message>
        <source>it is damaged and cannot be read.</source>
        <translation>已损坏，无法读取。</translation>
    </message>
    <message>
        <source>Signed at: {location}.</source>
        <translation>签署地点：{location}。</translation>
    </message>
    <message>
        <source>Signer not confirmed: the signature does not come from a certificate authority trusted here. The document&apos;s bytes are as they were signed.</source>
        <translation>签署人未经确认：签名并非来自本处信任的证书颁发机构。文档内容与签署时一致。</translation>
    </message>
    <message>
        <source>Signer not confirmed: no trusted certificate authority is known here, so the name on the signature proves nothing. The document&apos;s bytes are as they were signed.</source>
        <translation>签署人未经确认：本机没有可信的证书颁发机构，签名上的姓名不能证明任何事。文档内容与签署时一致。</translation>
    </message>
    <message>
        <source>Valid signature: the document is intact and the signer is confirmed.</source>
        <translation>签名有效：文档完整，签署人已确认。</translation>
    </message>
    <message>
        <source>Not a readable PDF.</source>
        <translation>不是可读取的 PDF。</translation>
    </message>
    <message>
        <source>Not signed.</source>
        <translation>未签名。</translation>
    </message>
    <message>
        <source>Do not rely on this document: its signature is not valid.</source>
        <translation>请勿采信此文档：其签名无效。</translation>
    </message>
    <message>
        <source>Do not rely on this document: it was changed between its signatures.</source>
        <translation>请勿采信此文档：它在两次签署之间被改动过。</translation>
    </message>
    <message>
        <source>Do not rely on this document: it was changed after signing.</source>
        <translation>请勿采信此文档：签署后被修改过。</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <source>Name of the person signing:</source>
        <translation>签名人姓名：</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Undo stroke</source>
        <translation>撤销一笔</translation>
    </message>
    <message>
        <source>Keep as my signature</source>
        <translation>保存为我的签名</translation>
    </message>
    <message>
        <source>Use this signature again next time, without drawing it.</source>
        <translation>下次直接使用此签名，无需重新签写。</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签名</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Sign here</source>
        <translation>请在此签名</translation>
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
    <name>StartInspectionDialog</name>
    <message>
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <source>Announced visit: the unit knows it is being checked.</source>
        <translation>公开检查：被检查单位知情。</translation>
    </message>
    <message>
        <source>Unannounced, as a passenger or customer; may be entered afterwards.</source>
        <translation>不事先通知，以乘客或顾客身份检查；可事后录入。</translation>
    </message>
    <message>
        <source>A single finding seen while walking round, without the full list.</source>
        <translation>巡查途中发现的单个问题，无需逐项检查。</translation>
    </message>
    <message>
        <source>e.g. paid ¥2 by QR code 14:05, screenshot kept</source>
        <translation>如：14:05 扫码支付 ¥2，已截图留存</translation>
    </message>
    <message>
        <source>Covert visit</source>
        <translation>暗访信息</translation>
    </message>
    <message>
        <source>&amp;Observed at</source>
        <translation>发生时间(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Route</source>
        <translation>线路(&amp;R)</translation>
    </message>
    <message>
        <source>Vehicle &amp;fleet no.</source>
        <translation>车辆自编号(&amp;F)</translation>
    </message>
    <message>
        <source>Staff &amp;no.</source>
        <translation>工号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Ticket / payment</source>
        <translation>票据/支付凭证(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Checklist</source>
        <translation>检查表(&amp;C)</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>检查对象(&amp;S)</translation>
    </message>
    <message>
        <source>Responsible &amp;unit</source>
        <translation>责任单位(&amp;U)</translation>
    </message>
    <message>
        <source>Responsible &amp;person</source>
        <translation>责任人(&amp;P)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>No published version of {code} covers {month}: the quality office publishes one first.</source>
        <translation>{code} 没有适用于 {month} 的已发布版本：请质量办先发布。</translation>
    </message>
    <message>
        <source>Uses version {version}, in force from {effective} (observed in {month}).</source>
        <translation>使用第 {version} 版，自 {effective} 起施行（检查发生于 {month}）。</translation>
    </message>
    <message>
        <source>Plate or fleet no., e.g. 12345 or 1E-101</source>
        <translation>车牌或自编号，如 12345 或 1E-101</translation>
    </message>
    <message>
        <source>Staff no. or name</source>
        <translation>工号或姓名</translation>
    </message>
    <message>
        <source>Location code or name, e.g. A-3F-WC</source>
        <translation>位置编码或名称，如 A-3F-WC</translation>
    </message>
    <message>
        <source>Unit code or name</source>
        <translation>单位编码或名称</translation>
    </message>
    <message>
        <source>Type to search, then pick one from the list.</source>
        <translation>输入内容搜索，再从列表中选择。</translation>
    </message>
    <message>
        <source>Inspecting: {subject}</source>
        <translation>检查对象：{subject}</translation>
    </message>
    <message>
        <source>(nobody in particular)</source>
        <translation>（不指定）</translation>
    </message>
    <message>
        <source>No published checklist yet: the quality office publishes one first.</source>
        <translation>还没有已发布的检查表：需先由质量办发布。</translation>
    </message>
    <message>
        <source>Choose what is inspected: type part of its name or number and pick it.</source>
        <translation>请选择检查对象：输入部分名称或编号，再从列表中选择。</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <source>Closest:</source>
        <translation>最接近的：</translation>
    </message>
</context>
<context>
    <name>TemplateCommands</name>
    <message>
        <source>Edit item {name}</source>
        <translation>编辑检查项目 {name}</translation>
    </message>
    <message>
        <source>Edit section {name}</source>
        <translation>编辑分类 {name}</translation>
    </message>
    <message>
        <source>Edit template {code}</source>
        <translation>编辑检查表 {code}</translation>
    </message>
    <message>
        <source>Add item {code}</source>
        <translation>新增检查项目 {code}</translation>
    </message>
    <message>
        <source>Duplicate item {code} as {copy}</source>
        <translation>复制检查项目 {code} 为 {copy}</translation>
    </message>
    <message>
        <source>Delete item {name}</source>
        <translation>删除检查项目 {name}</translation>
    </message>
    <message>
        <source>Add sub-section {code}</source>
        <translation>新增子分类 {code}</translation>
    </message>
    <message>
        <source>Add section {code}</source>
        <translation>新增分类 {code}</translation>
    </message>
    <message>
        <source>Delete section {name}</source>
        <translation>删除分类 {name}</translation>
    </message>
    <message>
        <source>Move item {code}</source>
        <translation>移动检查项目 {code}</translation>
    </message>
    <message>
        <source>Move section {code}</source>
        <translation>移动分类 {code}</translation>
    </message>
</context>
<context>
    <name>TemplateDiffDialog</name>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>检查标准</translation>
    </message>
    <message>
        <source>Answer type</source>
        <translation>答题方式</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>合格下限</translation>
    </message>
    <message>
        <source>Unit of measure</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Deduction</source>
        <translation>扣分</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <source>Photos on fail</source>
        <translation>不合格时拍照</translation>
    </message>
    <message>
        <source>Checkable covertly</source>
        <translation>可暗访</translation>
    </message>
    <message>
        <source>Days to rectify</source>
        <translation>整改天数</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Source in the regulations</source>
        <translation>制度依据</translation>
    </message>
    <message>
        <source>Reference photo</source>
        <translation>参考照片</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Only for roles</source>
        <translation>适用岗位</translation>
    </message>
    <message>
        <source>Section cap</source>
        <translation>分类扣分上限</translation>
    </message>
    <message>
        <source>Parent section</source>
        <translation>上级分类</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Inspects</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>计分方式</translation>
    </message>
    <message>
        <source>Base score</source>
        <translation>基础分</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>pass / fail</source>
        <translation>合格 / 不合格</translation>
    </message>
    <message>
        <source>measured value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>observation</source>
        <translation>文字记录</translation>
    </message>
    <message>
        <source>from the regulations</source>
        <translation>取自制度</translation>
    </message>
    <message>
        <source>adapted from the regulations</source>
        <translation>依据制度改编</translation>
    </message>
    <message>
        <source>inferred, to confirm</source>
        <translation>建议项，待确认</translation>
    </message>
    <message>
        <source>v{version}</source>
        <translation>第 {version} 版</translation>
    </message>
    <message>
        <source>No versions of {code} to compare.</source>
        <translation>{code} 没有可对比的版本。</translation>
    </message>
    <message>
        <source>The same version is chosen on both sides.</source>
        <translation>两侧选择的是同一个版本。</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>没有差异。</translation>
    </message>
    <message>
        <source>{added} added, {removed} removed, {changed} changed</source>
        <translation>新增 {added} 项，删除 {removed} 项，修改 {changed} 项</translation>
    </message>
    <message numerus="yes">
        <source>%n section change(s)</source>
        <translation>
            <numerusform>分类变动 %n 处</numerusform>
        </translation>
    </message>
    <message>
        <source>header changed</source>
        <translation>表头有修改</translation>
    </message>
    <message>
        <source>items {old} → {new}</source>
        <translation>检查项目 {old} → {new}</translation>
    </message>
    <message>
        <source>{field} (Chinese)</source>
        <translation>{field}（中文）</translation>
    </message>
    <message>
        <source>{field} (English)</source>
        <translation>{field}（英文）</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>不设上限</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>every role</source>
        <translation>所有岗位</translation>
    </message>
    <message>
        <source>photo {hash}</source>
        <translation>照片 {hash}</translation>
    </message>
    <message numerus="yes">
        <source>Added (%n)</source>
        <translation>
            <numerusform>新增（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed (%n)</source>
        <translation>
            <numerusform>删除（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changed (%n)</source>
        <translation>
            <numerusform>修改（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sections (%n)</source>
        <translation>
            <numerusform>分类（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Template header (%n)</source>
        <translation>
            <numerusform>表头（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>in {section}</source>
        <translation>所属分类：{section}</translation>
    </message>
    <message>
        <source>new section</source>
        <translation>新增分类</translation>
    </message>
    <message>
        <source>section removed</source>
        <translation>分类已删除</translation>
    </message>
    <message>
        <source>moved from section {section}</source>
        <translation>原属分类：{section}</translation>
    </message>
    <message>
        <source>deduction {points}</source>
        <translation>扣分 {points}</translation>
    </message>
    <message>
        <source>weight {points}</source>
        <translation>分值 {points}</translation>
    </message>
    <message>
        <source>item {place} of {count}</source>
        <translation>第 {place} 项（共 {count} 项）</translation>
    </message>
    <message>
        <source>section {place} of {count}</source>
        <translation>第 {place} 个分类（共 {count} 个）</translation>
    </message>
    <message>
        <source>top level</source>
        <translation>顶层</translation>
    </message>
    <message>
        <source>Compare versions of {code}</source>
        <translation>版本对比：{code}</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>原版本(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>新版本(&amp;T)：</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Item / field</source>
        <translation>检查项目 / 字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message numerus="yes">
        <source>Version {version} · {status} · {month} · {maximum} · %n item(s)</source>
        <translation>
            <numerusform>第 {version} 版 · {status} · {month} · {maximum} · %n 个检查项目</numerusform>
        </translation>
    </message>
    <message>
        <source>{code} · {title} — version {version}, {status}</source>
        <translation>{code} · {title} — 第 {version} 版，{status}</translation>
    </message>
    <message>
        <source>Published for {month} — read only. Copy to a new month to change it.</source>
        <translation>已发布，自 {month} 起生效；只读。如需修改，请复制到新的月份。</translation>
    </message>
    <message>
        <source>You can read this draft; only the quality office and administrators edit templates.</source>
        <translation>您可以查看此草稿；只有质量办和管理员可以编辑检查表。</translation>
    </message>
    <message>
        <source>Problems ({count})</source>
        <translation>问题（{count}）</translation>
    </message>
    <message>
        <source>Publish this draft for a month</source>
        <translation>发布此草稿并指定生效月份</translation>
    </message>
    <message>
        <source>No problems: this draft can be published.</source>
        <translation>没有问题，此草稿可以发布。</translation>
    </message>
    <message>
        <source>Undo {what}</source>
        <translation>撤销：{what}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo {what}</source>
        <translation>重做：{what}</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Published versions never change.</source>
        <translation>已发布的版本不能修改。</translation>
    </message>
    <message>
        <source>Only the quality office publishes templates.</source>
        <translation>只有质量办可以发布检查表。</translation>
    </message>
    <message numerus="yes">
        <source>Fix the %n problem(s) listed here before publishing.</source>
        <translation>
            <numerusform>请先修正此处列出的 %n 个问题，再发布。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete section</source>
        <translation>删除分类</translation>
    </message>
    <message numerus="yes">
        <source>Delete section {code} and the %n item(s) in it? Undo brings them back.</source>
        <translation>
            <numerusform>删除分类 {code} 及其中的 %n 个检查项目？可用“撤销”恢复。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TemplateEditorView</name>
    <message>
        <source>Add section</source>
        <translation>新增分类</translation>
    </message>
    <message>
        <source>Add sub-section</source>
        <translation>新增子分类</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>新增检查项目</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Compare versions…</source>
        <translation>版本对比…</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <source>Copy to month…</source>
        <translation>复制到月份…</translation>
    </message>
    <message>
        <source>A new item after the selected one (Ctrl+Enter)</source>
        <translation>在所选项目之后新增检查项目（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>A copy of the selected item with a new code (Ctrl+D)</source>
        <translation>复制所选检查项目，并使用新编码（Ctrl+D）</translation>
    </message>
    <message>
        <source>Delete the selected item or section (Del)</source>
        <translation>删除所选检查项目或分类（Del）</translation>
    </message>
    <message>
        <source>Move the selected row up (Alt+↑); rows can also be dragged</source>
        <translation>将所选行上移（Alt+↑）；也可以拖动行</translation>
    </message>
    <message>
        <source>Move the selected row down (Alt+↓); rows can also be dragged</source>
        <translation>将所选行下移（Alt+↓）；也可以拖动行</translation>
    </message>
    <message>
        <source>Items added, removed and changed between two versions</source>
        <translation>两个版本之间新增、删除和修改的检查项目</translation>
    </message>
    <message>
        <source>← Versions</source>
        <translation>← 版本列表</translation>
    </message>
    <message>
        <source>Every change is saved at once</source>
        <translation>所有修改即时保存</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>History</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;已打开&gt;</translation>
    </message>
</context>
<context>
    <name>TemplateImportDialog</name>
    <message>
        <source>Import a checklist</source>
        <translation>导入检查表</translation>
    </message>
    <message>
        <source>{file}: {code} {title}, {items} items in {sections} sections</source>
        <translation>{file}：{code} {title}，{sections} 个分区共 {items} 项</translation>
    </message>
    <message>
        <source>Subject kind:</source>
        <translation>检查对象类型：</translation>
    </message>
    <message>
        <source>The file does not say what it inspects: choose the subject kind.</source>
        <translation>文件没有注明检查对象：请选择检查对象类型。</translation>
    </message>
    <message>
        <source>As the file says; change it if it is wrong.</source>
        <translation>按文件所注；如有误请更改。</translation>
    </message>
    <message>
        <source>What the rows became ({count}):</source>
        <translation>各行导入结果（{count}）：</translation>
    </message>
    <message>
        <source>Skipped rows ({count}):</source>
        <translation>已跳过的行（{count}）：</translation>
    </message>
    <message>
        <source>Import as a draft</source>
        <translation>导入为草稿</translation>
    </message>
</context>
<context>
    <name>TemplatePreview</name>
    <message>
        <source>Maximum score: {score}</source>
        <translation>满分：{score}</translation>
    </message>
    <message>
        <source>Maximum: {points} points</source>
        <translation>满分：{points} 分</translation>
    </message>
    <message>
        <source>Five-point scale: at most {score}</source>
        <translation>五分制：满分 {score}</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <source>Photo ×{n}</source>
        <translation>拍照 ×{n}</translation>
    </message>
    <message>
        <source>observation, not scored</source>
        <translation>文字记录，不计分</translation>
    </message>
    <message>
        <source>covert: no</source>
        <translation>不可暗访</translation>
    </message>
    <message>
        <source>inferred, to confirm</source>
        <translation>建议项，待确认</translation>
    </message>
    <message>
        <source>{n} pts</source>
        <translation>{n} 分</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>所有岗位</translation>
    </message>
    <message>
        <source>Preview for:</source>
        <translation>预览岗位：</translation>
    </message>
    <message>
        <source>Sections limited to other roles are left out, as when recording.</source>
        <translation>与录入检查时一样，仅适用于其他岗位的分类不显示。</translation>
    </message>
    <message>
        <source>No template to preview</source>
        <translation>没有可预览的检查表</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 个检查项目</numerusform>
        </translation>
    </message>
    <message>
        <source>as seen for: {role}</source>
        <translation>按岗位预览：{role}</translation>
    </message>
    <message>
        <source>No items apply.</source>
        <translation>没有适用的检查项目。</translation>
    </message>
    <message>
        <source>at most −{cap} in this section</source>
        <translation>本分类最多扣 {cap} 分</translation>
    </message>
    <message>
        <source>only for: {roles}</source>
        <translation>适用岗位：{roles}</translation>
    </message>
    <message>
        <source>reference photo not on this computer</source>
        <translation>本机上没有这张参考照片</translation>
    </message>
</context>
<context>
    <name>TemplateProblems</name>
    <message>
        <source>The template code {where} is not valid.</source>
        <translation>检查表编码 {where} 无效。</translation>
    </message>
    <message>
        <source>The template has no Chinese title.</source>
        <translation>检查表没有中文名称。</translation>
    </message>
    <message>
        <source>The base score must be above 0.</source>
        <translation>基础分必须大于 0。</translation>
    </message>
    <message>
        <source>The template has no check items yet.</source>
        <translation>检查表中还没有检查项目。</translation>
    </message>
    <message>
        <source>Section {where} is nested more than one level.</source>
        <translation>分类 {where} 的嵌套超过一层。</translation>
    </message>
    <message>
        <source>The section code {where} is used twice.</source>
        <translation>分类编码 {where} 重复使用。</translation>
    </message>
    <message>
        <source>Section {where} has no Chinese title.</source>
        <translation>分类 {where} 没有中文名称。</translation>
    </message>
    <message>
        <source>Section {where} is limited to staff roles, but this template does not inspect staff.</source>
        <translation>分类 {where} 限定了适用岗位，但此检查表的检查对象不是人员。</translation>
    </message>
    <message>
        <source>The deduction cap of section {where} is negative.</source>
        <translation>分类 {where} 的扣分上限为负数。</translation>
    </message>
    <message>
        <source>The item code {where} is not valid (letters, digits, . _ - only).</source>
        <translation>项目编码 {where} 无效（只能包含字母、数字、. _ -）。</translation>
    </message>
    <message>
        <source>The item code {where} is used twice.</source>
        <translation>项目编码 {where} 重复使用。</translation>
    </message>
    <message>
        <source>Item {where} has no Chinese text.</source>
        <translation>检查项目 {where} 没有中文内容。</translation>
    </message>
    <message>
        <source>Item {where} is measured but has no threshold.</source>
        <translation>检查项目 {where} 是数值项，但没有设定合格下限。</translation>
    </message>
    <message>
        <source>Item {where} has a threshold but is not a measured item.</source>
        <translation>检查项目 {where} 不是数值项，却设定了合格下限。</translation>
    </message>
    <message>
        <source>Item {where} is a free observation and cannot veto the inspection.</source>
        <translation>检查项目 {where} 是文字记录项，不能一票否决。</translation>
    </message>
    <message>
        <source>Item {where} has a negative deduction.</source>
        <translation>检查项目 {where} 的扣分为负数。</translation>
    </message>
    <message>
        <source>Item {where} deducts more than the base score.</source>
        <translation>检查项目 {where} 的扣分超过基础分。</translation>
    </message>
    <message>
        <source>Item {where} has a negative weight.</source>
        <translation>检查项目 {where} 的分值为负数。</translation>
    </message>
    <message>
        <source>Item {where}: photos must be 0 or more, rectification days 1 or more.</source>
        <translation>检查项目 {where}：拍照张数不能小于 0，整改天数不能小于 1。</translation>
    </message>
    <message>
        <source>{where}: the text {field} holds a control character ({character}); remove it.</source>
        <translation>{where}：文字 {field} 含有控制字符（{character}），请删除。</translation>
    </message>
    <message>
        <source>{where}: the text {field} is longer than the {limit} characters allowed.</source>
        <translation>{where}：文字 {field} 超过允许的 {limit} 个字符。</translation>
    </message>
</context>
<context>
    <name>TemplateTransfer</name>
    <message>
        <source>Import a checklist spreadsheet</source>
        <translation>导入检查表电子表格</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm *.xls)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm *.xls)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the checklist to a spreadsheet</source>
        <translation>将检查表导出为电子表格</translation>
    </message>
</context>
<context>
    <name>TemplateTransferActions</name>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Read a checklist workbook (.xlsx, .xls; an XLSForm from ODK or Kobo, or one row per item with 分类 / 检查项目 / 检查标准 / 扣分) as a new draft</source>
        <translation>读取检查表工作簿（.xlsx、.xls；ODK 或 Kobo 的 XLSForm，或每行一项、含 分类 / 检查项目 / 检查标准 / 扣分 的表格）为新草稿</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write the selected version to an .xlsx spreadsheet</source>
        <translation>将所选版本导出为 .xlsx 电子表格</translation>
    </message>
    <message>
        <source>{code} was imported as draft version {version} with {count} items. Check it in the editor, then publish it for a month.</source>
        <translation>{code} 已导入为草稿第 {version} 版，共 {count} 个检查项目。请在编辑器中核对后发布，并指定生效月份。</translation>
    </message>
    <message>
        <source>Exported {code} v{version} to {path}.</source>
        <translation>已将 {code} 第 {version} 版导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>TemplateTreeModel</name>
    <message>
        <source>Weight</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Deduction</source>
        <translation>扣分</translation>
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
        <source>Veto</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>max {cap}</source>
        <translation>上限 {cap}</translation>
    </message>
    <message>
        <source>Failing this item fails the whole inspection (一票否决).</source>
        <translation>此项不合格，整次检查即判为不合格（一票否决）。</translation>
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
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open a draft to edit it. Published versions never change: copy one to a new month to change it.</source>
        <translation>打开草稿即可编辑。已发布的版本不能修改：如需修改，请复制到新的月份。</translation>
    </message>
    <message>
        <source>Only the quality office and administrators can change templates.</source>
        <translation>只有质量办和管理员可以修改检查表。</translation>
    </message>
    <message>
        <source>Delete the draft {code} v{version}? This cannot be undone.</source>
        <translation>删除草稿 {code} 第 {version} 版？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <source>No template selected</source>
        <translation>未选择检查表</translation>
    </message>
    <message>
        <source>Version {version}, {status}, effective {month} · Inspects: {subject} · Scoring: {scheme} · {items} items</source>
        <translation>第 {version} 版，{status}，生效月份 {month} · 检查对象：{subject} · 计分方式：{scheme} · 共 {items} 项</translation>
    </message>
    <message>
        <source>Deduction</source>
        <translation>扣分</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>分值</translation>
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
        <source>New template…</source>
        <translation>新建检查表…</translation>
    </message>
    <message>
        <source>Copy to month…</source>
        <translation>复制到月份…</translation>
    </message>
    <message>
        <source>Start a draft for a month from the selected version</source>
        <translation>以所选版本为基础，新建指定月份的草稿</translation>
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
    <name>UncoveredSubjectsSection</name>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Every registered subject was inspected this month.</source>
        <translation>本月所有登记对象均已检查。</translation>
    </message>
    <message>
        <source>No active subject is registered for this scope.</source>
        <translation>此范围内没有在用的登记对象。</translation>
    </message>
    <message>
        <source>Not inspected this month ({count})</source>
        <translation>本月未检对象（{count}）</translation>
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
<context>
    <name>VerifyNoticeDialog</name>
    <message>
        <source>Verify a signed notice</source>
        <translation>验证已签署的通知单</translation>
    </message>
    <message>
        <source>No PDF chosen</source>
        <translation>未选择 PDF</translation>
    </message>
    <message>
        <source>Choose PDF…</source>
        <translation>选择 PDF…</translation>
    </message>
    <message>
        <source>Only this office&apos;s certificate authority</source>
        <translation>仅信任本单位的 CA</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Signed PDF:</source>
        <translation>已签署的 PDF：</translation>
    </message>
    <message>
        <source>Also trust (CA certificate):</source>
        <translation>另行信任（CA 证书）：</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Choose a signed PDF to check it.</source>
        <translation>请选择要验证的已签署 PDF。</translation>
    </message>
    <message>
        <source>Choose a signed PDF</source>
        <translation>选择已签署的 PDF</translation>
    </message>
    <message>
        <source>Choose a CA certificate to trust</source>
        <translation>选择要信任的 CA 证书</translation>
    </message>
</context>
<context>
    <name>WalkaroundPanel</name>
    <message>
        <source>Walk-around: what did you see?</source>
        <translation>走动巡查：发现了什么问题？</translation>
    </message>
    <message>
        <source>Type part of an item&apos;s text or code</source>
        <translation>输入检查项目的部分内容或编码</translation>
    </message>
    <message>
        <source>↑/↓ choose · Enter records a problem on the item · Ctrl+Enter completes</source>
        <translation>↑/↓ 选择 · Enter 记录该项问题 · Ctrl+Enter 完成检查</translation>
    </message>
    <message>
        <source>Recorded findings</source>
        <translation>已记录的问题</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>暂无。</translation>
    </message>
</context>
</TS>
