<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConsolePanel</name>
    <message>
        <location filename="../../qml/ConsolePanel.qml" line="+32"/>
        <source>Type a kubectl command, e.g. get pods -o wide
</source>
        <translation>输入 kubectl 命令，例如 get pods -o wide
</translation>
    </message>
</context>
<context>
    <name>ControlPlaneStrip</name>
    <message>
        <location filename="../../qml/ControlPlaneStrip.qml" line="+21"/>
        <source>%1 objects</source>
        <translation>%1 个对象</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>leader</source>
        <translation>leader（领导者）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no leader yet (Lease not held)</source>
        <translation>尚无 leader（Lease 未被持有）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Scheduling queue</source>
        <translation>调度队列</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not queued</source>
        <translation>尚未入队</translation>
    </message>
</context>
<context>
    <name>CycleOverlay</name>
    <message>
        <location filename="../../qml/CycleOverlay.qml" line="+171"/>
        <source>watch: %1</source>
        <translation>watch 事件：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>request: %1</source>
        <translation>请求：%1</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>FailedScheduling: %1</source>
        <translation>FailedScheduling：%1</translation>
    </message>
</context>
<context>
    <name>EventsList</name>
    <message>
        <location filename="../../qml/EventsList.qml" line="+74"/>
        <source>No events yet</source>
        <translation>还没有事件</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../qml/FileActions.qml" line="+58"/>
        <location line="+70"/>
        <source>The scenario was not saved.</source>
        <translation>场景未保存。</translation>
    </message>
    <message>
        <location line="-64"/>
        <location line="+10"/>
        <source>The scenario did not open; the working one is unchanged.</source>
        <translation>场景未能打开；当前场景保持不变。</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The example did not open.</source>
        <translation>示例未能打开。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The snapshot was not imported; the working scenario is unchanged.</source>
        <translation>快照未能导入；当前场景保持不变。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Kubernetes manifests (*.yaml *.yml *.json)</source>
        <translation>Kubernetes 清单 (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open scenario</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save scenario as</source>
        <translation>场景另存为</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Import cluster snapshot (kubectl get … -A -o yaml)</source>
        <translation>导入集群快照（kubectl get … -A -o yaml）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export canvas as PNG</source>
        <translation>将画布导出为 PNG</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Restore unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>KubeStage did not close properly last time. The cluster as it was after your last edit was kept: restore it, or discard it and go on with what is open now.</source>
        <translation>KubeStage 上次没有正常关闭。你最后一次编辑后的集群已保留：可以恢复它，也可以丢弃它，继续使用当前打开的内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+37"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>The unsaved work could not be restored.</source>
        <translation>未能恢复未保存的工作。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save your changes?</source>
        <translation>保存你的修改？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The cluster has edits that are not saved in a file.</source>
        <translation>集群中有尚未保存到文件的修改。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <location filename="../../qml/FileMenu.qml" line="+13"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open, save, import and export scenarios</source>
        <translation>打开、保存、导入和导出场景</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Open scenario…</source>
        <translation>打开场景…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open recent</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import cluster snapshot…</source>
        <translation>导入集群快照…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export canvas as PNG…</source>
        <translation>将画布导出为 PNG…</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <location filename="../../qml/InspectorPanel.qml" line="+19"/>
        <source>Nothing selected</source>
        <translation>未选中任何对象</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>on %1</source>
        <translation>位于 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not scheduled</source>
        <translation>未调度</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Click a node, a pod or a row of the Pods list to inspect and edit it.</source>
        <translation>点击一个节点、一个 Pod 或 Pod 列表中的一行，即可查看和编辑它。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This object is not in the cluster at this step.</source>
        <translation>在这一步，集群中没有这个对象。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No form for this kind: edit it in the YAML tab.</source>
        <translation>这类对象没有表单：请在 YAML 标签页中编辑。</translation>
    </message>
</context>
<context>
    <name>MatrixCanvas</name>
    <message>
        <location filename="../../qml/MatrixCanvas.qml" line="+225"/>
        <source>Not evaluated: the scheduler had already found enough feasible nodes (percentageOfNodesToScore), the pod&apos;s nominated node was tried first and fits, or a PreFilter result left this node out.</source>
        <translation>未评估：调度器已找到足够的可行节点（percentageOfNodesToScore），或先尝试了 Pod 的提名节点且其可容纳该 Pod，或 PreFilter 的结果排除了此节点。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1, %2, position %3 in the scheduler&apos;s node list. Click to inspect it.</source>
        <translation>%1，%2，位于调度器节点列表的第 %3 位。点击可查看。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+347"/>
        <source>no zone label</source>
        <translation>无 zone 标签</translation>
    </message>
    <message>
        <location line="-347"/>
        <location line="+347"/>
        <source>zone %1</source>
        <translation>可用区 %1</translation>
    </message>
    <message>
        <location line="-339"/>
        <source>%1: passes (upstream does not run it after %2 failed)</source>
        <translation>%1：通过（上游在 %2 失败后不会再运行它）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: passes</source>
        <translation>%1：通过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 rejects the node: %2
The first failing plugin: the one upstream reports.</source>
        <translation>%1 拒绝了该节点：%2
第一个失败的插件：即上游报告的那个。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 would also reject the node: %2
Upstream stops at the first failing plugin (%3).</source>
        <translation>%1 同样会拒绝该节点：%2
上游在第一个失败的插件（%3）处停止。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not scored: the node did not pass Filter.</source>
        <translation>未打分：该节点未通过 Filter。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: raw %2, normalized %3 × weight %4 = %5</source>
        <translation>%1：原始分 %2，归一化 %3 × 权重 %4 = %5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Total %1: the sum of the weighted scores</source>
        <translation>总分 %1：各加权分之和</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Scheduling cycle #%1: pod %2 (attempt %3) → %4</source>
        <translation>调度周期 #%1：Pod %2（第 %3 次尝试）→ %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unschedulable</source>
        <translation>不可调度</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 nodes: %2 evaluated, %3 feasible</source>
        <translation>%1 个节点：评估了 %2 个，可行 %3 个</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (only one: Score is skipped)</source>
        <translation>（仅一个：跳过 Score）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Preemption: nominated node %1; victims: %2</source>
        <translation>抢占：提名节点 %1；被驱逐的 Pod：%2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No scheduling cycle yet. Step forward (→) until kube-scheduler picks a pod from the queue: this table then shows every node&apos;s Filter verdicts and Score points.</source>
        <translation>还没有调度周期。向前单步（→），直到 kube-scheduler 从队列中取出一个 Pod：此表随后会显示每个节点的 Filter 结论和 Score 分数。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Filter</source>
        <translation>Filter（过滤）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>predicates: a node must pass every plugin. A red bar marks the failure upstream reports; later failures are dimmer.</source>
        <translation>预选（predicates）：节点必须通过每个插件。红条标出上游报告的失败；之后的失败颜色较浅。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Score</source>
        <translation>Score（打分）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>priorities: normalized (0–100) × weight</source>
        <translation>优选（priorities）：归一化分（0–100）× 权重</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#: snapshot order</source>
        <translation>#：快照顺序</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>%1, weight %2</source>
        <translation>%1，权重 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the Policy API (until v1.22): %1</source>
        <translation>在 Policy API 中（至 v1.22）：%1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>1 node</source>
        <translation>1 个节点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 nodes</source>
        <translation>%1 个节点</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>not evaluated</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>winner</source>
        <translation>胜出</translation>
    </message>
</context>
<context>
    <name>NodeCard</name>
    <message>
        <location filename="../../qml/NodeCard.qml" line="+73"/>
        <source>cordoned</source>
        <translation>已封锁（cordoned）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>chosen for %1</source>
        <translation>被选中：%1</translation>
    </message>
</context>
<context>
    <name>NodeCycleBadge</name>
    <message>
        <location filename="../../qml/NodeCycleBadge.qml" line="+117"/>
        <source>total %1</source>
        <translation>总分 %1</translation>
    </message>
</context>
<context>
    <name>NodeEditor</name>
    <message>
        <location filename="../../qml/NodeEditor.qml" line="+32"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+66"/>
        <source>key</source>
        <translation>键</translation>
    </message>
    <message>
        <location line="-59"/>
        <location line="+66"/>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Taints</source>
        <translation>污点</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Add taint</source>
        <translation>添加污点</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Scheduling</source>
        <translation>调度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cordoned (spec.unschedulable)</source>
        <translation>已封锁（spec.unschedulable）</translation>
    </message>
</context>
<context>
    <name>NodeSelectorTermEditor</name>
    <message>
        <location filename="../../qml/NodeSelectorTermEditor.qml" line="+31"/>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>key</source>
        <translation>键</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>values, comma separated</source>
        <translation>值，以逗号分隔</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add expression</source>
        <translation>添加表达式</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remove term</source>
        <translation>删除条件</translation>
    </message>
</context>
<context>
    <name>PodAffinityTermEditor</name>
    <message>
        <location filename="../../qml/PodAffinityTermEditor.qml" line="+34"/>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the pod&apos;s own namespace</source>
        <translation>Pod 自身的名字空间</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove term</source>
        <translation>删除条件</translation>
    </message>
</context>
<context>
    <name>PodEditor</name>
    <message>
        <location filename="../../qml/PodEditor.qml" line="+85"/>
        <source>A pod&apos;s spec cannot be changed in place. Apply deletes this pod and creates it again (kubectl replace --force): the new pod has no node, so the scheduler places it again.</source>
        <translation>Pod 的 spec 不能原地修改。“应用”会删除这个 Pod 并重新创建它（kubectl replace --force）：新 Pod 没有节点，所以调度器会重新为它选择节点。</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+48"/>
        <source>key</source>
        <translation>键</translation>
    </message>
    <message>
        <location line="-47"/>
        <location line="+61"/>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tolerations</source>
        <translation>容忍度</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>(all effects)</source>
        <translation>（所有效果）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Add toleration</source>
        <translation>添加容忍度</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Node affinity</source>
        <translation>节点亲和性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>required (any term matches)</source>
        <translation>必需（满足任一条件即可）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Add required term</source>
        <translation>添加必需条件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>preferred (weights add to the score)</source>
        <translation>偏好（权重计入得分）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Add preferred term</source>
        <translation>添加偏好条件</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Pod affinity</source>
        <translation>Pod 亲和性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pod anti-affinity</source>
        <translation>Pod 反亲和性</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Add required</source>
        <translation>添加必需条件</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add preferred</source>
        <translation>添加偏好条件</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Priority class</source>
        <translation>优先级类（PriorityClass）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Container requests</source>
        <translation>容器资源请求</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Apply (re-create pod)</source>
        <translation>应用（重建 Pod）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
</context>
<context>
    <name>PodsList</name>
    <message>
        <location filename="../../qml/PodsList.qml" line="+22"/>
        <source>Pending</source>
        <translation>Pending（等待中）</translation>
    </message>
</context>
<context>
    <name>QueueBox</name>
    <message>
        <location filename="../../qml/QueueBox.qml" line="+48"/>
        <source>+%1 more</source>
        <translation>还有 %1 个</translation>
    </message>
</context>
<context>
    <name>SchedulerView</name>
    <message>
        <location filename="../../qml/SchedulerView.qml" line="+25"/>
        <source>Scheduling cycle #%1: pod %2 (attempt %3) → %4</source>
        <translation>调度周期 #%1：Pod %2（第 %3 次尝试）→ %4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unschedulable</source>
        <translation>不可调度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scheduling cycle: none yet — step forward</source>
        <translation>调度周期：尚无 —— 请单步前进</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Preemption: nominated node %1; victims: %2</source>
        <translation>抢占：提名节点 %1；被驱逐的 Pod：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Showing %1 of %2 nodes: the winner and the best totals first. The Matrix view (M) lists them all.</source>
        <translation>显示 %2 个节点中的 %1 个：胜出者和总分最高者在前。矩阵视图（M）列出全部节点。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Filter</source>
        <translation>Filter（过滤）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>predicates</source>
        <translation>predicates（预选）</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Score</source>
        <translation>Score（打分）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>priorities</source>
        <translation>priorities（优选）</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>raw %1, normalized %2, weight %3</source>
        <translation>原始分 %1，归一化 %2，权重 %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Total</source>
        <translation>总分</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../../qml/SidePanel.qml" line="+42"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pods</source>
        <translation>Pod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <location filename="../../qml/TransportBar.qml" line="+59"/>
        <source>Jump to start (Home)</source>
        <translation>回到开头（Home）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Step back (Left)</source>
        <translation>后退一步（←）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停（空格）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Step forward (Right)</source>
        <translation>前进一步（→）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Take back your last change to the cluster (Ctrl+Z)</source>
        <translation>撤回你对集群的上一次修改（Ctrl+Z）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Make the change again (Ctrl+Shift+Z)</source>
        <translation>重新做这次修改（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+9"/>
        <source>speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 nodes, %2 pods, %3 pending</source>
        <translation>%1 个节点，%2 个 Pod，%3 个等待中</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>step %1 · record #%2</source>
        <translation>第 %1 步 · 记录 #%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Switch the language of the window and the lessons</source>
        <translation>切换界面和课程的语言</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Light or dark colours</source>
        <translation>浅色或深色配色</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exit presentation</source>
        <translation>退出演示</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Present</source>
        <translation>演示</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Presentation mode: full screen, large fonts, high contrast (F5)</source>
        <translation>演示模式：全屏、大字号、高对比度（F5）</translation>
    </message>
</context>
<context>
    <name>ViewSwitch</name>
    <message>
        <location filename="../../qml/ViewSwitch.qml" line="+12"/>
        <source>Cards</source>
        <translation>卡片</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Node cards grouped by zone (M switches)</source>
        <translation>按可用区分组的节点卡片（M 切换）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matrix</source>
        <translation>矩阵</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The scheduling cycle as one table: nodes × Filter and Score plugins (M switches)</source>
        <translation>以一张表显示调度周期：节点 × Filter 和 Score 插件（M 切换）</translation>
    </message>
</context>
<context>
    <name>WhatIfView</name>
    <message>
        <location filename="../../qml/WhatIfView.qml" line="+17"/>
        <source>What if — %1</source>
        <translation>假设分析 —— %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>would be bound to %1</source>
        <translation>将绑定到 %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>not evaluated</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>feasible</source>
        <translation>可调度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>score %1</source>
        <translation>得分 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>winner</source>
        <translation>胜出</translation>
    </message>
</context>
<context>
    <name>YamlEditor</name>
    <message>
        <location filename="../../qml/YamlEditor.qml" line="+116"/>
        <source>Apply (re-create pod)</source>
        <translation>应用（重建 Pod）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
</context>
<context>
    <name>ZoneGroup</name>
    <message>
        <location filename="../../qml/ZoneGroup.qml" line="+21"/>
        <source>no zone label</source>
        <translation>无 zone 标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>zone %1</source>
        <translation>可用区 %1</translation>
    </message>
</context>
<context>
    <name>ZoomControls</name>
    <message>
        <location filename="../../qml/ZoomControls.qml" line="+18"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Actual size (Ctrl+0)</source>
        <translation>实际大小（Ctrl+0）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Zoom in (Ctrl+=)</source>
        <translation>放大（Ctrl+=）</translation>
    </message>
</context>
<context>
    <name>ks::gui::Inspector</name>
    <message>
        <location filename="../../app/gui/adapters/inspector.cpp" line="+311"/>
        <source>the editor applies exactly one object</source>
        <translation>编辑器中必须恰好有一个对象</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Fix the errors above to see where the pod would go.</source>
        <translation>修正上面的错误后，即可看到 Pod 会被调度到哪里。</translation>
    </message>
</context>
<context>
    <name>ks::gui::NodeMap</name>
    <message>
        <location filename="../../app/gui/adapters/node_map.cpp" line="+173"/>
        <location line="+123"/>
        <source>no zone label</source>
        <translation>无 zone 标签</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>zone %1</source>
        <translation>可用区 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · 1 node</source>
        <translation>%1 · 1 个节点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 · %2 nodes</source>
        <translation>%1 · %2 个节点</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>pod %1/%2 on %3: %4</source>
        <translation>Pod %1/%2，位于 %3：%4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%2)
cpu %3/%4, memory %5/%6, pods %7/%8</source>
        <translation>%1（%2）
CPU %3/%4，内存 %5/%6，Pod %7/%8</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>labels %1</source>
        <translation>标签 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>taint %1</source>
        <translation>污点 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cordoned (spec.unschedulable)</source>
        <translation>已封锁（spec.unschedulable）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not Ready</source>
        <translation>未就绪（not Ready）</translation>
    </message>
</context>
<context>
    <name>ks::gui::ScenarioFiles</name>
    <message>
        <location filename="../../app/gui/adapters/scenario_files.cpp" line="+82"/>
        <source>A small three-zone cluster</source>
        <translation>三个可用区的小集群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three nodes in three zones, a GPU node with a taint, running and pending pods.</source>
        <translation>分布在三个可用区的三个节点，一个带污点的 GPU 节点，以及运行中和等待中的 Pod。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taints and tolerations</source>
        <translation>污点和容忍度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tainted nodes keep pods away; only the pods that tolerate a taint may land there.</source>
        <translation>带污点的节点会排斥 Pod；只有容忍该污点的 Pod 才能被调度到那里。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spread over zones</source>
        <translation>跨可用区分布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A topology spread constraint places the replicas of a service evenly across zones.</source>
        <translation>拓扑分布约束把一个服务的副本均匀地分布到各个可用区。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority and preemption</source>
        <translation>优先级和抢占</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A full cluster; a high-priority pod evicts lower-priority pods to get a place.</source>
        <translation>集群已满；一个高优先级 Pod 驱逐优先级较低的 Pod，为自己腾出位置。</translation>
    </message>
    <message>
        <location line="+97"/>
        <location line="+43"/>
        <source>No longer there, removed from the recent files: %1</source>
        <translation>已不存在，已从最近打开的文件中移除：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+129"/>
        <source>cannot open file: %1</source>
        <translation>无法打开文件：%1</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>Imported %1 objects from %2; %3 runtime objects (Events, Leases) left out.</source>
        <translation>从 %2 导入了 %1 个对象；略去了 %3 个运行时对象（Event、Lease）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>cannot write file: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>restored</source>
        <translation>已恢复</translation>
    </message>
</context>
</TS>
