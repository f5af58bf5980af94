<!-- include start from bgp/neighbor-password.xml.i -->
<leafNode name="password">
  <properties>
    <help>BGP MD5 password</help>
  </properties>
</leafNode>
<!-- include end -->
