<!-- include start from ospfv3/no-summary.xml.i -->
<leafNode name="no-summary">
  <properties>
    <help>Do not inject inter-area routes into the stub</help>
    <valueless/>
  </properties>
</leafNode>
<!-- include end -->
