<!-- include start from conntrack/log-common.xml.i -->
<leafNode name="destroy">
  <properties>
    <help>Log connection deletion</help>
    <valueless/>
  </properties>
</leafNode>
<leafNode name="new">
  <properties>
    <help>Log connection creation</help>
    <valueless/>
  </properties>
</leafNode>
<leafNode name="update">
  <properties>
    <help>Log connection updates</help>
    <valueless/>
  </properties>
</leafNode>
<!-- include end -->
