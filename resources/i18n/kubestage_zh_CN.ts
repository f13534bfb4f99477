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
        <location line="+7"/>
        <source>not queued</source>
        <translation>尚未入队</translation>
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
    <name>NodeCard</name>
    <message>
        <location filename="../../qml/NodeCard.qml" line="+55"/>
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
    <name>PodsList</name>
    <message>
        <location filename="../../qml/PodsList.qml" line="+21"/>
        <source>Pending</source>
        <translation>Pending（等待中）</translation>
    </message>
</context>
<context>
    <name>SchedulerView</name>
    <message>
        <location filename="../../qml/SchedulerView.qml" line="+13"/>
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
        <location line="+25"/>
        <source>Filter</source>
        <translation>Filter（过滤）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>predicates</source>
        <translation>predicates（预选）</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Score</source>
        <translation>Score（打分）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>priorities</source>
        <translation>priorities（优选）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>raw %1, normalized %2, weight %3</source>
        <translation>原始分 %1，归一化 %2，权重 %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Total</source>
        <translation>总分</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../../qml/SidePanel.qml" line="+26"/>
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
        <source>Console</source>
        <translation>控制台</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <location filename="../../qml/TransportBar.qml" line="+31"/>
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
        <location line="+4"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Take back your last change to the cluster (Ctrl+Z)</source>
        <translation>撤回你对集群的上一次修改（Ctrl+Z）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Make the change again (Ctrl+Shift+Z)</source>
        <translation>重新做这次修改（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 nodes, %2 pods, %3 pending</source>
        <translation>%1 个节点，%2 个 Pod，%3 个等待中</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>step %1 · record #%2</source>
        <translation>第 %1 步 · 记录 #%2</translation>
    </message>
    <message>
        <location line="+16"/>
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
        <location line="+4"/>
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
    <name>ZoneGroup</name>
    <message>
        <location filename="../../qml/ZoneGroup.qml" line="+20"/>
        <source>no zone label</source>
        <translation>无 zone 标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>zone %1</source>
        <translation>可用区 %1</translation>
    </message>
</context>
</TS>
