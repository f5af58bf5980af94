<!-- include start from firewall/log.xml.i -->
<leafNode name="log">
  <properties>
    <help>Log packets hitting this rule</help>
    <valueless/>
  </properties>
</leafNode>
<!-- include end -->
