<!-- include start from firewall/default-log.xml.i -->
<leafNode name="default-log">
  <properties>
    <help>Log packets hitting default-action</help>
    <valueless/>
  </properties>
</leafNode>
<!-- include end -->
