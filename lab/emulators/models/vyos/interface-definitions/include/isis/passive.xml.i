<!-- include start from isis/passive.xml.i -->
<leafNode name="passive">
  <properties>
    <help>Configure passive mode for interface</help>
    <valueless/>
  </properties>
</leafNode>
<!-- include end -->
